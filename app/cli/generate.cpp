// Synthetic data: splitmix64 draws mapped to the shapes real chronologies have.
#include "app/cli/generate.hpp"

#include "model/edtf.hpp"
#include "model/io/load_file.hpp"
#include "app/cli/cli.hpp"
#include "app/cli/output.hpp"
#include "model/diagnostics.hpp"

#include <algorithm>
#include <iostream>
#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace cs {
namespace {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return double(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
  double log_uniform(double lo, double hi) { return std::exp(std::log(lo) + unit() * (std::log(hi) - std::log(lo))); }
  double normalish() { return (unit() + unit() + unit() + unit() - 2.0) * 1.7; }  // ~N(0,1), bounded

 private:
  std::uint64_t s_;
};

constexpr std::array<const char*, 16> kVerbs = {"Treaty signed at", "Talks open in", "Envoy visits", "Strike near",
                                                "Ceasefire in", "Summit in", "Protests in", "Trade pact with",
                                                "Embassy opens in", "Election in", "Flood in", "Council meets in",
                                                "Border closed at", "Census of", "Fleet reaches", "Charter of"};
constexpr std::array<const char*, 16> kPlaces = {"Arden", "Belmor", "Caspia", "Dunmore", "Elris", "Farrow", "Galen",
                                                 "Hestia", "Ilium", "Jarrow", "Kestrel", "Lorne", "Marrow", "Norwick",
                                                 "Oster", "Pellam"};
constexpr std::array<const char*, 8> kTags = {"diplomacy", "military", "trade", "politics",
                                              "culture",   "disaster", "law",   "science"};

constexpr std::array<const char*, 12> kClauses = {
    "officials on both sides described the meeting as constructive",
    "the talks covered supplies, transit and the next round of negotiations",
    "observers noted that the announcement came without warning",
    "the statement was read out at a press conference the same evening",
    "local reports gave a different count of those involved",
    "the agreement was to be reviewed within a year",
    "delegations from three neighbouring states attended as observers",
    "the decision followed weeks of pressure from the council",
    "no figures were published at the time",
    "the outcome was disputed by the opposition press",
    "envoys met again in private the following morning",
    "the move was welcomed in some capitals and condemned in others"};

// A summary of two or three sentences, folded over lines of about 90 characters at the given indent.
std::string prose_summary(Rng& rng, const std::string& title, const std::string& indent) {
  std::string text = title + ".";
  const int n = rng.unit() < 0.8 ? 1 : 2;
  for (int k = 0; k < n; ++k) {
    std::string c = kClauses[rng.below(kClauses.size())];
    c[0] = char(c[0] - 'a' + 'A');
    text += " " + c + ".";
  }
  std::string out, line;
  std::size_t a = 0;
  while (a < text.size()) {
    std::size_t b = text.find(' ', a);
    if (b == std::string::npos) b = text.size();
    const std::string word = text.substr(a, b - a);
    if (!line.empty() && line.size() + 1 + word.size() > 90) {
      out += indent + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    a = b + 1;
  }
  if (!line.empty()) out += indent + line + "\n";
  return out;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string year_text(int y) {
  std::string d = std::to_string(std::abs(y));
  while (d.size() < 4) d = "0" + d;
  return (y < 0 ? "-" : "") + d;
}

// An EDTF date for seconds since 1970 at the given precision.
std::string edtf(std::int64_t t, Precision p) {
  using namespace date;
  const Seconds s{std::chrono::seconds{t}};
  const auto day = floor<days>(s);
  const year_month_day ymd{day};
  std::string out = year_text(int(ymd.year()));
  if (p >= Precision::Month) out += "-" + two(int(unsigned(ymd.month())));
  if (p >= Precision::Day) out += "-" + two(int(unsigned(ymd.day())));
  if (p >= Precision::Minute) {
    const hh_mm_ss tod{s - Seconds{day}};
    out += "T" + two(int(tod.hours().count())) + ":" + two(int(tod.minutes().count())) + ":" +
           two(int(tod.seconds().count())) + "Z";
  }
  return out;
}

std::int64_t year_seconds(int y) {
  using namespace date;
  return Seconds{sys_days{year{y} / 1 / 1}}.time_since_epoch().count();
}

struct Burst {
  double center, width;  // seconds
  std::uint32_t lane;
};

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string{"\"\""} : std::string(1, c);
  return q + "\"";
}

}  // namespace

void generate_timeline(const GenerateOptions& o, std::ostream& out) {
  Rng rng{o.seed};
  Rng prose_rng{o.seed ^ 0x5052'4F53'4521ull};
  const int lanes = o.lanes > 0 ? o.lanes : int(std::clamp<std::uint64_t>(8 + o.events / 25000, 8, 48));
  const double t_from = double(year_seconds(o.from_year)), t_to = double(year_seconds(o.to_year));
  const double span = t_to - t_from;
  // Bursts: more of them, and denser, towards recent times, as chronologies are.
  std::vector<Burst> bursts(std::max<std::uint64_t>(1, o.events / 150));
  for (Burst& b : bursts) {
    b.center = t_to - span * std::pow(rng.unit(), 2.0);
    b.width = rng.log_uniform(86400.0, 5 * 365.25 * 86400.0);
    b.lane = std::uint32_t(std::min<double>(lanes - 1, std::floor(std::pow(rng.unit(), 1.6) * lanes)));
  }
  if (o.csv) {
    out << "id,title,start,end,lanes,tags,url\n";
  } else {
    out << "# Synthetic timeline: chronoscope generate --events " << o.events << " --seed " << o.seed << "\n";
    out << "title: Synthetic timeline (" << o.events << " events, seed " << o.seed << ")\nlanes:\n";
    for (int l = 0; l < lanes; ++l) out << "  - {id: lane-" << two(l + 1) << ", name: Actor " << two(l + 1) << "}\n";
    out << "sources:\n  - {id: gen, title: Generated, publisher: chronoscope generate}\n";
    if (o.prose)
      for (int k = 1; k <= 20; ++k)
        out << "  - {id: gen-" << two(k) << ", title: Generated report " << k << ", publisher: chronoscope generate, url: "
            << "\"https://example.org/report-" << k << "\"}\n";
    out << "events:\n";
  }
  std::string line;
  for (std::uint64_t i = 0; i < o.events; ++i) {
    std::uint32_t lane;
    double t;
    if (rng.unit() < 0.75) {  // in a burst
      const Burst& b = bursts[rng.below(bursts.size())];
      t = b.center + rng.normalish() * b.width;
      lane = rng.unit() < 0.8 ? b.lane : std::uint32_t(rng.below(std::uint64_t(lanes)));
    } else {  // background
      t = t_from + span * rng.unit();
      lane = std::uint32_t(rng.below(std::uint64_t(lanes)));
    }
    // Bursts near the ends spill over: fold them back in rather than piling them on the first day.
    const double hi = t_to - 86400.0 * 400;
    if (t < t_from) t = std::min(hi, t_from + (t_from - t));
    if (t > hi) t = std::max(t_from, hi - (t - hi));
    const auto start = std::int64_t(t);
    const double r = rng.unit();
    const Precision p = r < 0.5 ? Precision::Day : r < 0.68 ? Precision::Month : r < 0.8 ? Precision::Year
                                                                            : Precision::Second;
    std::string date = edtf(start, p), end;
    const double kind = rng.unit();
    if (kind < 0.2) {  // a range, an hour to decades long
      const double len = rng.log_uniform(3600.0, 40 * 365.25 * 86400.0);
      const auto e = std::int64_t(std::min(t + len, t_to - 86400.0));
      end = edtf(std::max(e, start + 86400 * 366), p == Precision::Second ? Precision::Day : p);
    } else if (kind < 0.203) {
      end = "..";
    }
    if (end.empty() && rng.unit() < 0.03) date += rng.unit() < 0.5 ? "~" : "?";
    std::string lanes_text = "lane-" + two(int(lane) + 1);
    if (rng.unit() < 0.12) {
      const auto other = std::uint32_t(rng.below(std::uint64_t(lanes)));
      if (other != lane) lanes_text += (o.csv ? ";" : ", ") + std::string{"lane-"} + two(int(other) + 1);
    }
    const std::string tag = kTags[rng.below(kTags.size())];
    std::string title = std::string{kVerbs[rng.below(kVerbs.size())]} + " " + kPlaces[rng.below(kPlaces.size())];
    if (rng.unit() < 0.1) title += ", again";
    char id[24];
    std::snprintf(id, sizeof id, "e%07llu", static_cast<unsigned long long>(i));
    if (o.csv) {
      line = std::string{id} + "," + csv_field(title) + "," + date + "," + (end.empty() ? "" : end) + "," +
             lanes_text + "," + tag + "," + (rng.unit() < 0.05 ? std::string{"https://example.org/"} + id : "");
      out << line << "\n";
    } else {
      out << "  - id: " << id << "\n    title: \"" << title << "\"\n    date: " << date
          << (end.empty() ? "" : "/" + end) << "\n    lanes: [" << lanes_text << "]\n    tags: [" << tag << "]\n";
      if (o.prose) {  // from a stream of its own: the events are those of the same seed without --prose
        Rng& pr = prose_rng;
        out << "    summary: >-\n" << prose_summary(pr, title, "      ");
        if (pr.unit() < 0.05) out << "    notes: Dated from the report's own dateline; the second report agrees.\n";
        out << "    sources:\n";
        const int cites = 1 + int(pr.unit() < 0.1);
        for (int c = 0; c < cites; ++c) {
          const double d = pr.unit();
          out << "      - source: gen-" << two(1 + int(pr.below(20))) << "\n        locator: para " << 1 + pr.below(30)
              << "\n";
          if (d >= 0.7) out << "        dated: " << (d < 0.9 ? "inferred" : "external") << "\n";
          if (d >= 0.7 && d < 0.9) out << "        date_note: from the dateline\n";
          if (pr.unit() < 0.15) out << "        quote: \"" << kClauses[pr.below(kClauses.size())] << "\"\n";
        }
      }
    }
  }
}

int run_generate(const Options& o) {
  GenerateOptions g;
  g.events = o.events;
  g.seed = o.seed;
  g.from_year = o.from_year;
  g.to_year = o.to_year;
  g.lanes = o.lanes;
  g.prose = o.prose;
  g.csv = is_csv_path(o.out);
  OutputFile out;
  if (!out.open(o.out)) return 1;
  generate_timeline(g, out.stream());
  if (const int rc = out.commit()) return rc;
  std::cerr << "wrote " << escape_for_terminal(o.out) << " (" << o.events << " events, seed " << o.seed << ")\n";
  return 0;
}

}  // namespace cs
