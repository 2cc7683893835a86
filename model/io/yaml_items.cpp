// Each item is first offered to the fast reader (model/io/yaml_fast), which reads the plain subset
// timelines are written in exactly as yaml-cpp would. A run of items it declines goes to yaml-cpp at once;
// when an item breaks that, it is read again alone (so its message points into it, or at the end of its
// own text), reported as skipped, and the next item carries on.
#include "model/io/yaml_items.hpp"

#include "model/io/yaml_cut.hpp"
#include "model/io/yaml_fast.hpp"

#include <algorithm>

namespace cs {

namespace {

// Items [a, b) through yaml-cpp.
bool parse_slowly(std::string_view text, const ListMap& list, std::size_t a, std::size_t b, Diagnostics& diag,
                  std::string_view what, const ItemFn& on_item, const FailFn& on_fail) {
  std::size_t k = a;
  while (k < b) {
    const std::size_t first_diag = diag.items().size();
    const YamlWindow w{text, list.items[k].begin, list.item_end(b - 1), int(list.items[k].line)};
    const ItemsResult r = parse_list_items(w, diag, [&](const YNode& n) {
      if (k < b) on_item(k, n);
      ++k;
    });
    if (r.stop == ItemsStop::UnknownAnchor) return false;
    if (r.stop == ItemsStop::Done) {
      for (; k < b; ++k) {  // a cut line the parser read as part of an item before it
        diag.error({int(list.items[k].line), list.indent + 1, int(list.items[k].begin)},
                   "this line is not the start of " + std::string{what} + " (check its indentation); it is skipped");
        on_fail(k);
      }
      break;
    }
    if (k >= b) break;
    // Item k broke the parse: forget what this attempt said about it and read it alone.
    diag.drop_after(first_diag, int(list.items[k].begin));
    const YamlWindow one{text, list.items[k].begin, list.item_end(k), int(list.items[k].line)};
    const ItemsResult single = parse_list_items(one, diag, [&](const YNode& n) { on_item(k, n); });
    if (single.stop == ItemsStop::UnknownAnchor) return false;
    if (single.stop != ItemsStop::Done || single.completed == 0) {
      Diagnostic d = single.stop != ItemsStop::Done ? single.error : r.error;
      // Found past the item's own text (an unclosed quote or bracket): say so where the item's text ends.
      const std::size_t end = item_content_end(text, list.items[k].begin, list.item_end(k), list.indent);
      if (d.pos.offset < 0 || std::size_t(d.pos.offset) > end) {
        const std::size_t line_start = text.rfind('\n', end == 0 ? 0 : end - 1);
        d.pos.line = int(list.items[k].line) +
                     int(std::count(text.begin() + std::ptrdiff_t(list.items[k].begin), text.begin() + std::ptrdiff_t(end), '\n'));
        d.pos.column = int(end - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
        d.pos.offset = int(end);
      }
      d.message += "; " + std::string{what} + " at line " + std::to_string(list.items[k].line) + " is skipped";
      diag.add(d);
      on_fail(k);
    }
    ++k;
  }
  return true;
}

}  // namespace

bool parse_items(std::string_view text, const ListMap& list, std::size_t a, std::size_t b, Diagnostics& diag,
                 std::string_view what, const ItemFn& on_item, const FailFn& on_fail) {
  FastItem fast;
  const auto read_fast = [&](std::size_t k) {
    return read_fast_item(text, list.items[k].begin, list.item_end(k), int(list.items[k].line), list.indent, fast);
  };
  std::size_t k = a;
  while (k < b) {
    if (read_fast(k)) {
      on_item(k, *fast.root);
      ++k;
      continue;
    }
    // The run of items the fast reader declines, to the next it reads (which it has read by then) that
    // yaml-cpp would not read as part of the run (an open quote or bracket at the run's end goes on there).
    RunOnScanner run;
    run.feed(text, list.items[k].begin, list.item_end(k));
    std::size_t j = k + 1;
    for (; j < b && (run.open() || !read_fast(j)); ++j) run.feed(text, list.items[j].begin, list.item_end(j));
    if (!parse_slowly(text, list, k, j, diag, what, on_item, on_fail)) return false;
    if (j < b) on_item(j, *fast.root);
    k = j + 1;
  }
  return true;
}

}  // namespace cs
