// Patch builders. Values are written by yaml_emit in the style of what they replace; new keys go where the
// schema's key order puts them among the item's keys; new items copy the style of the list's last item.
#include "model/io/yaml_edit.hpp"

#include "model/io/yaml_cut.hpp"
#include "model/io/yaml_emit.hpp"

#include <algorithm>
#include <array>

namespace cs {
namespace {

constexpr std::array<std::string_view, 8> kEventKeys = {"id", "title", "date", "lanes", "tags", "summary", "sources", "notes"};
constexpr std::array<std::string_view, 4> kLaneKeys = {"id", "name", "color", "order"};
constexpr std::array<std::string_view, 7> kSourceKeys = {"id", "title", "publisher", "published", "url", "notes", "archive"};
constexpr std::array<std::string_view, 3> kStoryKeys = {"id", "title", "steps"};

std::size_t line_end_at(std::string_view s, std::size_t p) {
  std::size_t e = std::min(s.find('\n', p), s.size());
  if (e > p && s[e - 1] == '\r') --e;
  return e;
}

std::size_t next_line(std::string_view s, std::size_t p) {
  const std::size_t nl = s.find('\n', p);
  return nl == std::string_view::npos ? s.size() : nl + 1;
}

bool blank_line(std::string_view s, std::size_t a, std::size_t b) {
  return std::all_of(s.begin() + std::ptrdiff_t(a), s.begin() + std::ptrdiff_t(b),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// The patch replacing [a, b) with `inserted`, cut down to the bytes that differ: what both share at the
// start and at the end stays untouched.
Patch make(std::string_view text, std::size_t a, std::size_t b, std::string inserted) {
  std::string_view removed = text.substr(a, b - a);
  std::size_t head = 0;
  while (head < removed.size() && head < inserted.size() && removed[head] == inserted[head]) ++head;
  std::size_t tail = 0;
  while (tail < removed.size() - head && tail < inserted.size() - head &&
         removed[removed.size() - 1 - tail] == inserted[inserted.size() - 1 - tail])
    ++tail;
  return {a + head, std::string{removed.substr(head, removed.size() - head - tail)},
          inserted.substr(head, inserted.size() - head - tail)};
}

bool same_node(const YNode& x, const YNode& y) {
  if (x.kind != y.kind || x.value != y.value || x.items.size() != y.items.size()) return false;
  for (std::size_t i = 0; i < x.items.size(); ++i)
    if (!same_node(*x.items[i], *y.items[i])) return false;
  return true;
}

std::size_t line_start_at(std::string_view s, std::size_t p) {
  const std::size_t nl = p == 0 ? std::string_view::npos : s.rfind('\n', p - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

// An item of a block list that changed in some keys, written as its old text with only those keys patched:
// the others keep their bytes, a changed value keeps its key's style (a folded caption stays folded).
// `item` is the old item's text from the start of its line. Empty when either is not a map of keys.
std::optional<std::string> patched_item(std::string_view item, std::string_view nl, int column, const YNode& was,
                                        const YNode& now) {
  if (!was.is_map() || !now.is_map()) return std::nullopt;
  std::string t = std::string{item} + std::string{nl};
  const auto patch = [&](auto&& make_patch) {
    ListMap l;
    l.present = l.block = true;
    l.indent = column;
    l.end = t.size();
    l.items = cut_items(t, 0, t.size(), 1, column);
    if (l.items.size() != 1) return false;
    const PatchResult r = make_patch(l);
    if (!r.patch) return false;
    t = apply_patch(t, *r.patch);
    return true;
  };
  for (std::size_t i = 0; i < was.map_size(); ++i)
    if (!now.find(was.key(i).value) &&
        !patch([&](const ListMap& l) { return patch_unset(t, l, 0, was.key(i).value); }))
      return std::nullopt;
  for (std::size_t i = 0; i < now.map_size(); ++i) {
    const YNode* old_value = was.find(now.key(i).value);
    if (old_value && same_node(*old_value, now.val(i))) continue;
    if (!patch([&](const ListMap& l) { return patch_set(t, l, "", 0, now.key(i).value, now.val(i)); }))
      return std::nullopt;
  }
  return t.substr(0, t.size() - nl.size());
}

// A block list written anew: items equal to one of the old list's keep their old text (its comments and
// quoting); an item in the place of an old one that no new item equals is that old item with its changed
// keys patched; the others are written in the list's style. Empty when the old list cannot be read apart.
std::optional<std::string> block_list_reusing(std::string_view text, const KeySpan& ks, const YNode& value,
                                              const StyleHint& h, const EmitContext& c, int line) {
  if (ks.kind != YNode::Kind::Sequence || ks.style != YStyle::Block || ks.seq_column < 0 || !value.is_sequence())
    return std::nullopt;
  const std::size_t from = line_start_at(text, ks.value_begin);
  Diagnostics ignored;
  YamlDocument old{YamlWindow{text, from, ks.value_end, line}, ignored};
  const auto items = cut_items(text, from, ks.value_end, std::uint32_t(line), ks.seq_column);
  if (!old.root() || !old.root()->is_sequence() || old.root()->items.size() != items.size() || ignored.has_errors())
    return std::nullopt;
  const auto old_text = [&](std::size_t k) {
    const std::size_t end = k + 1 < items.size() ? items[k + 1].begin : ks.value_end;
    return text.substr(items[k].begin, item_content_end(text, items[k].begin, end, ks.seq_column) - items[k].begin);
  };
  // First the new items equal to old ones, then those in the place of an old one left over.
  std::vector<bool> used(items.size(), false);
  std::vector<std::ptrdiff_t> same(value.items.size(), -1), in_place_of(value.items.size(), -1);
  for (std::size_t i = 0; i < value.items.size(); ++i)
    for (std::size_t k = 0; k < items.size() && same[i] < 0; ++k)
      if (!used[k] && same_node(*old.root()->items[k], *value.items[i])) same[i] = std::ptrdiff_t(k), used[k] = true;
  for (std::size_t i = 0; i < value.items.size(); ++i)
    if (same[i] < 0 && i < items.size() && !used[i]) in_place_of[i] = std::ptrdiff_t(i), used[i] = true;
  std::string out;
  for (std::size_t i = 0; i < value.items.size(); ++i) {
    const YNode* n = value.items[i];
    out += c.newline;
    if (same[i] >= 0) {
      out += std::string{old_text(std::size_t(same[i]))};
      continue;
    }
    if (in_place_of[i] >= 0) {
      const auto k = std::size_t(in_place_of[i]);
      if (auto t = patched_item(old_text(k), c.newline, ks.seq_column, *old.root()->items[k], *n)) {
        out += *t;
        continue;
      }
    }
    YNode one;
    one.kind = YNode::Kind::Sequence;
    one.items = {n};
    StyleHint block = h;
    block.list = YStyle::Block;
    out += emit_value(one, block, c).substr(c.newline.size());  // "- item", at the list's column
  }
  return out;
}

PatchResult fail(std::string e, std::size_t at) { return {std::nullopt, std::move(e), at}; }

std::size_t item_content_end_of(std::string_view text, const ListMap& list, std::size_t k) {
  return item_content_end(text, list.items[k].begin, list.item_end(k), list.indent);
}

// Where a block list value puts its '-' relative to its key, as another item writes it (default: 2 more).
int dash_offset(const KeySpan* like) {
  if (!like || like->seq_column < 0) return 2;
  return like->seq_column - int(like->key_begin - like->line_begin);
}

int rank(std::string_view list_key, std::string_view key) {
  const auto order = key_order(list_key);
  auto it = std::find(order.begin(), order.end(), key);
  return it == order.end() ? int(order.size()) : int(it - order.begin());
}

// How a value should look: like the one it replaces, or like an example from another item, else defaults
// that match events.yaml (lists of names in flow style, lists of citations as block lists of flow maps).
StyleHint hint_for(const YNode& value, const KeySpan* like) {
  StyleHint h;
  if (value.is_sequence()) {
    const bool maps = std::any_of(value.items.begin(), value.items.end(), [](const YNode* n) { return n->is_map(); });
    h.list = maps ? YStyle::Block : YStyle::Flow;
  }
  if (!like) return h;
  if (like->kind == YNode::Kind::Scalar) h.scalar = like->style;
  if (like->kind == YNode::Kind::Sequence && value.is_sequence()) {
    h.list = like->style;
    h.item = like->item_style == YStyle::Block ? YStyle::Block : YStyle::Flow;
  }
  if (like->kind == YNode::Kind::Map && value.is_map()) h.map = like->style;
  return h;
}

std::optional<ItemMap> item_map(std::string_view text, const ListMap& list, std::size_t item) {
  if (item >= list.items.size()) return std::nullopt;
  return map_item(text, list.items[item].begin, list.item_end(item), int(list.items[item].line), list.indent);
}

// The key's value as text placed after "key:" (with its separating space, or starting on a new line).
std::string value_after_colon(const YNode& value, const StyleHint& h, const EmitContext& c) {
  bool own_line = false;
  std::string v = emit_value(value, h, c, &own_line);
  if (own_line || v.empty()) return v;
  return " " + v;
}

}  // namespace

std::span<const std::string_view> key_order(std::string_view list_key) {
  if (list_key == "lanes") return kLaneKeys;
  if (list_key == "sources") return kSourceKeys;
  if (list_key == "stories") return kStoryKeys;
  return kEventKeys;
}

std::string apply_patch(std::string_view text, const Patch& p) {
  std::string out;
  out.reserve(text.size() + p.inserted.size());
  out.append(text.substr(0, p.offset)).append(p.inserted).append(text.substr(p.offset + p.removed.size()));
  return out;
}

Patch inverse(const Patch& p) { return {p.offset, p.inserted, p.removed}; }

PatchResult patch_set(std::string_view text, const ListMap& list, std::string_view list_key, std::size_t item,
                      std::string_view key, const YNode& value, const KeySpan* example) {
  const auto m = item_map(text, list, item);
  if (!m) return fail("this item is not a map of keys, so it cannot be edited key by key", list.items[item].begin);
  const std::string_view nl = line_ending(text);
  const KeySpan* ks = m->find(key);
  EmitContext c;
  c.flow = m->flow;
  c.parent = m->key_column;
  c.indent = m->key_column + 2;
  c.newline = nl;
  if (ks) {
    c.indent = ks->seq_column >= 0 ? ks->seq_column : m->key_column + dash_offset(example);
    const StyleHint h = hint_for(value, ks->kind == YNode::Kind::Null ? example : ks);
    bool own_line = false;
    std::string v = emit_value(value, h, c, &own_line);
    if (own_line) {
      if (auto reused = block_list_reusing(text, *ks, value, h, c, int(list.items[item].line)))
        return {make(text, ks->colon + 1, ks->value_end, std::move(*reused))};
      return {make(text, ks->colon + 1, ks->value_end, std::move(v))};
    }
    const bool block_scalar = !v.empty() && (v[0] == '|' || v[0] == '>');
    if (block_scalar && ks->line_end > ks->value_end) {
      // A comment after the old value moves onto the block scalar's header line, where YAML allows it.
      const std::size_t cut = v.find(nl);
      std::string moved = v.substr(0, cut) + std::string{text.substr(ks->value_end, ks->line_end - ks->value_end)} + v.substr(cut);
      return {make(text, ks->value_begin, ks->line_end, std::move(moved))};
    }
    if (ks->value_begin == ks->colon + 1) v = " " + v;  // "key:" with nothing after it
    return {make(text, ks->value_begin, ks->value_end, std::move(v))};
  }
  // A new key, after the last key that comes before it in the schema's order (after the first key at least).
  const int r = rank(list_key, key);
  const KeySpan* after = m->keys.empty() ? nullptr : &m->keys.front();
  for (const KeySpan& k : m->keys)
    if (rank(list_key, k.key) <= r) after = &k;
  const std::string key_text = emit_scalar(key, YStyle::Plain, EmitContext{true});
  const StyleHint h = hint_for(value, example);
  if (m->flow) {
    c.flow = true;
    const std::string entry = key_text + ":" + value_after_colon(value, h, c);
    if (!after) return {make(text, m->open + 1, m->open + 1, entry)};
    return {make(text, after->value_end, after->value_end, ", " + entry)};
  }
  c.indent = m->key_column + dash_offset(example);
  const std::size_t at = after ? after->line_end : m->content_end;
  const std::string line = std::string{nl} + std::string(std::size_t(m->key_column), ' ') + key_text + ":" +
                           value_after_colon(value, h, c);
  return {make(text, at, at, line)};
}

PatchResult patch_unset(std::string_view text, const ListMap& list, std::size_t item, std::string_view key) {
  const auto m = item_map(text, list, item);
  if (!m) return fail("this item is not a map of keys, so it cannot be edited key by key", list.items[item].begin);
  auto it = std::find_if(m->keys.begin(), m->keys.end(), [&](const KeySpan& k) { return k.key == key; });
  if (it == m->keys.end()) return fail("the item has no key '" + std::string{key} + "'", list.items[item].begin);
  const KeySpan& ks = *it;
  const bool first = it == m->keys.begin(), last = it + 1 == m->keys.end();
  if (m->flow) {
    if (!first) return {make(text, (it - 1)->value_end, ks.value_end, "")};
    if (!last) return {make(text, ks.key_begin, (it + 1)->key_begin, "")};
    return {make(text, ks.key_begin, ks.value_end, "")};
  }
  if (ks.key_begin > ks.line_begin + std::size_t(list.indent) && text.substr(ks.line_begin, ks.key_begin - ks.line_begin).find('-') != std::string_view::npos) {
    // The key shares its line with the item's '-': the next key moves up onto that line.
    if (last) return {make(text, ks.key_begin, ks.line_end, "")};
    return {make(text, ks.key_begin, (it + 1)->key_begin, "")};
  }
  return {make(text, ks.line_begin, next_line(text, ks.line_end), "")};
}

PatchResult patch_add(std::string_view text, const ListMap& list, std::string_view list_key, const YNode& item,
                      std::size_t body_end) {
  const std::string_view nl = line_ending(text);
  if (!item.is_map()) return fail("a new item must be a map of keys", 0);
  int indent = list.block ? list.indent : 2;
  std::optional<ItemMap> like;
  for (std::size_t k = list.items.size(); k-- > 0 && !like;) like = item_map(text, list, k);
  const bool flow_item = like && like->flow;
  const int key_column = like && !like->flow ? like->key_column : indent + 2;
  EmitContext c;
  c.newline = nl;
  c.parent = key_column;
  c.indent = key_column + 2;
  // "- " then the first key at the neighbours' key column ("-   id: x" in a list indented that way).
  std::string body = std::string(std::size_t(indent), ' ') + "-" +
                     std::string(std::size_t(std::max(1, flow_item ? 1 : key_column - indent - 1)), ' ');
  const std::string key_pad(std::size_t(key_column), ' ');
  for (std::size_t i = 0; i < item.map_size(); ++i) {
    const std::string& key = item.key(i).value;
    const KeySpan* example = like ? like->find(key) : nullptr;
    const StyleHint h = hint_for(item.val(i), example);
    EmitContext kc = c;
    kc.flow = flow_item;
    kc.indent = key_column + dash_offset(example);
    const std::string entry = emit_scalar(key, YStyle::Plain, EmitContext{true}) + ":" + value_after_colon(item.val(i), h, kc);
    if (flow_item) body += (i ? ", " : "{") + entry;
    else body += (i ? std::string{nl} + key_pad : std::string{}) + entry;
  }
  if (flow_item) body += item.map_size() ? "}" : "{}";
  if (list.block && !list.items.empty()) {
    // After the last item, separated from it as the last two items are.
    const std::size_t n = list.items.size();
    const std::size_t end = item_content_end_of(text, list, n - 1);
    bool blank = false;
    if (n >= 2) {
      const std::size_t prev_end = item_content_end_of(text, list, n - 2);
      for (std::size_t a = next_line(text, prev_end); a < list.items[n - 1].begin; a = next_line(text, a))
        blank = blank || blank_line(text, a, line_end_at(text, a));
    }
    return {make(text, end, end, std::string{nl} + (blank ? std::string{nl} : "") + body)};
  }
  if (list.present) {
    // "events:" with nothing, or an empty flow list "[]": the first item goes on the next line.
    const std::size_t key_line_end = line_end_at(text, list.key_begin);
    const std::size_t colon = text.find(':', list.key_begin);
    std::size_t p = colon + 1;
    while (p < key_line_end && (text[p] == ' ' || text[p] == '\t')) ++p;
    if (text.substr(p, 2) == "[]") return {make(text, colon + 1, p + 2, std::string{nl} + body)};
    if (p < key_line_end && text[p] != '#')
      return fail("'" + std::string{list_key} + "' is written in flow style ([...]); only block lists are edited", p);
    return {make(text, key_line_end, key_line_end, std::string{nl} + body)};
  }
  std::string prefix = body_end > 0 && text[body_end - 1] != '\n' ? std::string{nl} : "";
  return {make(text, body_end, body_end, prefix + std::string{list_key} + ":" + std::string{nl} + body + std::string{nl})};
}

PatchResult patch_insert_after(std::string_view text, const ListMap& list, std::size_t after, std::string_view item_text) {
  const std::string_view nl = line_ending(text);
  const std::size_t end = item_content_end_of(text, list, after);
  return {make(text, end, end, std::string{nl} + std::string{item_text})};
}

PatchResult patch_delete(std::string_view text, const ListMap& list, std::size_t item) {
  const std::size_t n = list.items.size();
  std::size_t a = list.items[item].begin;
  std::size_t b = next_line(text, item_content_end_of(text, list, item));
  const std::size_t region_end = list.item_end(item);
  if (item + 1 < n) {
    while (b < region_end && blank_line(text, b, line_end_at(text, b))) b = next_line(text, b);  // its blank lines go too
  } else if (item > 0) {
    // The last item: the blank lines before it go instead, so whatever follows the list keeps its spacing.
    const std::size_t prev = next_line(text, item_content_end_of(text, list, item - 1));
    while (a > prev && a >= 2) {
      const std::size_t before = text.rfind('\n', a - 2);
      const std::size_t start = before == std::string_view::npos ? 0 : before + 1;
      if (start < prev || !blank_line(text, start, line_end_at(text, start))) break;
      a = start;
    }
  }
  return {make(text, a, std::min(b, text.size()), "")};
}

}  // namespace cs
