// Edit operations turned into patches (model/io/yaml_edit), applied one by one and checked, as one undo
// step; undo and redo replay the step's patches backwards or forwards.
#include "model/document.hpp"

#include "model/io/yaml_emit.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace cs {
namespace {

std::string_view list_key(ListKind k) {
  return k == ListKind::Lanes ? "lanes" : k == ListKind::Sources ? "sources" : k == ListKind::Stories ? "stories" : "events";
}

// Keys whose value is text: a value that is not a YAML scalar is taken as the text it is.
bool text_key(ListKind k, std::string_view key) {
  static constexpr std::array<std::string_view, 5> kEvent = {"id", "title", "date", "summary", "notes"};
  static constexpr std::array<std::string_view, 4> kLane = {"id", "name", "color", "order"};
  static constexpr std::array<std::string_view, 7> kSource = {"id", "title", "publisher", "published", "url", "notes", "archive"};
  static constexpr std::array<std::string_view, 2> kStory = {"id", "title"};
  const auto has = [&](const auto& a) { return std::find(a.begin(), a.end(), key) != a.end(); };
  return k == ListKind::Events    ? has(kEvent)
         : k == ListKind::Lanes   ? has(kLane)
         : k == ListKind::Stories ? has(kStory)
                                  : has(kSource);
}

// "Putin visits Tehran" -> "putin-visits-tehran".
std::string slug(std::string_view title) {
  std::string s;
  for (const char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c))) s += char(std::tolower(static_cast<unsigned char>(c)));
    else if (!s.empty() && s.back() != '-') s += '-';
    if (s.size() >= 40) break;
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  return s.empty() ? "event" : s;
}

}  // namespace

EditOp EditOp::set(std::string id, std::string key, std::string value, ListKind l) {
  return {Kind::Set, l, std::move(id), std::move(key), std::move(value)};
}
EditOp EditOp::unset(std::string id, std::string key, ListKind l) { return {Kind::Unset, l, std::move(id), std::move(key), {}}; }
EditOp EditOp::add(std::string item_yaml, ListKind l) { return {Kind::Add, l, {}, {}, std::move(item_yaml)}; }
EditOp EditOp::remove(std::string id, ListKind l) { return {Kind::Delete, l, std::move(id), {}, {}}; }
EditOp EditOp::duplicate(std::string id, std::string new_id) {
  return {Kind::Duplicate, ListKind::Events, std::move(id), {}, std::move(new_id)};
}

bool Document::known(ListKind kind, std::string_view id) const {
  switch (kind) {
    case ListKind::Events: return find_event(id).has_value();
    case ListKind::Lanes: return timeline_.find_lane(id) != nullptr;
    case ListKind::Sources: return timeline_.find_source(id) != nullptr;
    case ListKind::Stories:
      return std::any_of(timeline_.stories.begin(), timeline_.stories.end(), [&](const Story& s) { return s.id == id; });
  }
  return false;
}

std::optional<Patch> Document::make_patch(const EditOp& op, Diagnostics& problems) {
  const std::string_view text = body();
  ListMap& l = list(op.list);
  const std::string_view key = list_key(op.list);
  const auto refuse = [&](std::string message, std::size_t at = 0) -> std::optional<Patch> {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < at && i < text.size(); ++i) text[i] == '\n' ? (++line, column = 1) : ++column;
    problems.error({line, column, int(at)}, std::move(message));
    return std::nullopt;
  };
  const auto patch_or_refuse = [&](const PatchResult& r) { return r.patch ? r.patch : refuse(r.error, r.at); };
  std::optional<std::size_t> item;
  if (op.kind != EditOp::Kind::Add) {
    item = item_of(op.list, op.id);
    if (!item && l.present && !l.block && known(op.list, op.id))
      return refuse("'" + std::string{key} + "' is written as a flow list ([...]); only block lists can be edited",
                    l.key_begin);
    if (!item) return refuse("no " + std::string{key.substr(0, key.size() - 1)} + " has the id '" + op.id + "'");
  }
  switch (op.kind) {
    case EditOp::Kind::Set: {
      Diagnostics value_problems;
      YamlDocument doc{op.value, value_problems};
      YNode raw;
      raw.kind = YNode::Kind::Scalar;
      raw.value = op.value;
      const YNode* v = doc.root();
      if (text_key(op.list, op.key) && (!v || !v->is_scalar())) v = &raw;
      if (!v) v = &raw;
      if (value_problems.has_errors() && !text_key(op.list, op.key)) {
        const auto m = map_item(text, l.items[*item].begin, l.item_end(*item), int(l.items[*item].line), l.indent);
        const KeySpan* old = m ? m->find(op.key) : nullptr;
        return refuse("the new value of '" + op.key + "' is not valid YAML: " + value_problems.items()[0].message,
                      old ? old->value_begin : l.items[*item].begin + std::size_t(l.indent));
      }
      // A key the item lacks is written the way a neighbour writes it.
      std::optional<ItemMap> neighbour;
      const KeySpan* example = nullptr;
      for (std::size_t d = 1; d <= 16 && !example; ++d)
        for (const std::size_t k : {*item - std::min(*item, d), *item + d}) {
          if (k == *item || k >= l.items.size() || example) continue;
          neighbour = map_item(text, l.items[k].begin, l.item_end(k), int(l.items[k].line), l.indent);
          if (neighbour) example = neighbour->find(op.key);
        }
      return patch_or_refuse(patch_set(text, l, key, *item, op.key, *v, example));
    }
    case EditOp::Kind::Unset: return patch_or_refuse(patch_unset(text, l, *item, op.key));
    case EditOp::Kind::Delete: return patch_or_refuse(patch_delete(text, l, *item));
    case EditOp::Kind::Add: {
      Diagnostics value_problems;
      YamlDocument doc{op.value, value_problems};
      const YNode* v = doc.root();
      if (!v || !v->is_map() || value_problems.has_errors())
        return refuse("a new " + std::string{key.substr(0, key.size() - 1)} + " must be a YAML map of its keys" +
                          (value_problems.has_errors() ? ": " + value_problems.items()[0].message : ""),
                      map_.body_end);
      if (op.list == ListKind::Events && !v->find("id")) {
        // An event without an id gets one made from its title, unique in the file.
        const YNode* title = v->find("title");
        std::string id = slug(title && title->is_scalar() ? title->value : "event"), base = id;
        for (int n = 2; find_event(id); ++n) id = base + "-" + std::to_string(n);
        YNode with = *v, k, val;
        k.kind = val.kind = YNode::Kind::Scalar;
        k.value = "id";
        val.value = id;
        with.items.insert(with.items.begin(), {&k, &val});
        return patch_or_refuse(patch_add(text, l, key, with, map_.body_end));
      }
      return patch_or_refuse(patch_add(text, l, key, *v, map_.body_end));
    }
    case EditOp::Kind::Duplicate: {
      const auto m = map_item(text, l.items[*item].begin, l.item_end(*item), int(l.items[*item].line), l.indent);
      const KeySpan* id = m ? m->find("id") : nullptr;
      if (!id) return refuse("this event cannot be copied key by key", l.items[*item].begin);
      std::string new_id = op.value;
      if (new_id.empty())
        for (int n = 1; new_id.empty() || find_event(new_id); ++n) new_id = op.id + "-copy" + (n > 1 ? "-" + std::to_string(n) : "");
      // The copy is the item's own text with the id's value replaced.
      const std::size_t a = l.items[*item].begin;
      std::string copy{text.substr(a, m->content_end - a)};
      const std::string written = emit_scalar(new_id, id->style, EmitContext{m->flow});
      copy.replace(id->value_begin - a, id->value_end - id->value_begin, written);
      return patch_or_refuse(patch_insert_after(text, l, *item, copy));
    }
  }
  return std::nullopt;
}

EditResult Document::apply(const EditOp& op) { return apply(std::span<const EditOp>{&op, 1}); }

EditResult Document::apply(std::span<const EditOp> ops, std::string label) {
  EditResult r;
  r.problems = Diagnostics{path_};
  if (const std::string why = read_only_reason(); !why.empty()) {
    r.problems.error({}, why);
    return r;
  }
  std::vector<Patch> done;
  const auto back_out = [&] {
    for (auto it = done.rbegin(); it != done.rend(); ++it) commit(inverse(*it), false, nullptr, nullptr);
  };
  for (const EditOp& op : ops) {
    std::optional<Patch> p = make_patch(op, r.problems);
    if (!p || !commit(*p, true, &r.problems, &r.ids)) {
      back_out();
      r.ids.clear();
      return r;
    }
    done.push_back(std::move(*p));
  }
  if (label.empty() && !ops.empty()) {
    const EditOp& op = ops.front();
    static constexpr std::array<const char*, 5> kVerb = {"Set", "Unset", "Add", "Delete", "Duplicate"};
    label = std::string{kVerb[std::size_t(op.kind)]} + (op.key.empty() ? "" : " " + op.key) + (op.id.empty() ? "" : " of " + op.id);
  }
  steps_.resize(done_);
  if (saved_at_ && *saved_at_ > done_) saved_at_.reset();  // the saved state can no longer be reached
  steps_.push_back({std::move(label), std::move(done)});
  ++done_;
  r.ok = true;
  return r;
}

bool Document::undo() {
  if (!can_undo()) return false;
  const Step& s = steps_[done_ - 1];
  for (auto it = s.patches.rbegin(); it != s.patches.rend(); ++it) commit(inverse(*it), false, nullptr, nullptr);
  --done_;
  return true;
}

bool Document::redo() {
  if (!can_redo()) return false;
  for (const Patch& p : steps_[done_].patches) commit(p, false, nullptr, nullptr);
  ++done_;
  return true;
}

}  // namespace cs
