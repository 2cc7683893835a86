// What a timeline is: lanes (actors), sources (articles), and events that cite them.
// Plain data; loading lives in yaml_loader, queries in timeline_index.
#pragma once

#include "diagnostics.hpp"
#include "edtf.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cs {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Rgba&) const = default;
};

struct Lane {
  std::string id;
  std::string name;
  Rgba color{110, 110, 120, 255};
  int order = 0;  // lanes are shown by (order, position in the file)
  TextPos pos;
};

struct Source {
  std::string id;
  std::string title;
  std::string publisher;
  std::optional<Date> published;
  std::string published_text;
  std::string url;  // empty when the source prints none
  std::string notes;    // e.g. how an unprinted publication date was inferred
  std::string archive;  // identifier of the archived text the locators refer to
  TextPos pos;
};

// How the event's date is known from this source.
enum class Dated : std::uint8_t { Stated, Inferred, External };

struct SourceRef {
  std::string source;  // id of a top-level source
  std::string locator;  // "para 9"
  std::string quote;    // optional short quotation
  Dated dated = Dated::Stated;
  std::string date_note;  // optional: how the date was inferred
  std::optional<When> claims;  // the date this source gives, where it disagrees with the event's date
  std::string claims_text;
  TextPos pos;
};

struct Event {
  std::string id;
  std::string title;
  When when;
  std::string date_text;  // as written in the file
  std::vector<std::string> lanes;
  std::vector<std::string> tags;
  std::string summary;
  std::vector<SourceRef> sources;
  std::string notes;
  TextPos pos;

  // Some source dates the event differently (a `claims` on one of its citations).
  bool date_disputed() const;
};

struct Timeline {
  std::string title;
  std::vector<Lane> lanes;  // in display order
  std::vector<Source> sources;
  std::vector<Event> events;

  const Lane* find_lane(std::string_view id) const;
  const Source* find_source(std::string_view id) const;
  const Event* find_event(std::string_view id) const;
};

std::string_view to_string(Dated d);

}  // namespace cs
