// Acceptance compared with edtf.js, the reference EDTF parser (npm `edtf`, pinned below), on a list of
// strings: the two agree on every row except the listed, intended disagreements, each with its reason.
// edtf.js is installed into the build tree at test time; without node, npm or the registry, the test skips.
#include "model/edtf.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <iostream>
#include <iterator>

using namespace cs;

namespace {

constexpr const char* kEdtfJs = "edtf@4.11.1";

struct Row {
  const char* text;
  bool chronoscope;  // parse_edtf accepts it
  bool edtf_js;      // edtf.js accepts it
  const char* why = "";  // why the two differ; empty where they agree
};

// Why Chronoscope differs, once per kind.
constexpr const char* kImpossible = "an impossible calendar date: edtf.js only checks that a day is 01-29 in February";
constexpr const char* kTruncated =
    "an ISO 8601 century or decade (not in the LoC EDTF profile): a short year is more often a slip; "
    "19XX and 201X say it";
constexpr const char* kSignificant = "significant digits (level 2) are not supported";
constexpr const char* kMinusZero = "year -0000 is refused in every form, as edtf.js refuses -0000 itself";
constexpr const char* kOverlap =
    "the end begins no later than the start but ends after it: some reading is consistent, and Chronoscope "
    "accepted these before level 1";
constexpr const char* kNoDate = "an interval with no date at all cannot be placed on a timeline";
constexpr const char* kBackwards = "a range inside a set that runs backwards is a mistake";
constexpr const char* kAnyDigit =
    "X stands for any digit: accepted when some real date matches (edtf.js accepts 2004-X3-15 but not 2004-X3)";
constexpr const char* kQualifiedMember = "edtf.js's grammar takes ?1984 but not 1984? as a set member";
constexpr const char* kQualifiedTime = "a qualified date-time was accepted before level 1; the LoC profile "
                                       "qualifies dates only";

constexpr Row kRows[] = {
    // Level 0.
    {"2015", true, true}, {"2015-11", true, true}, {"2015-11-23", true, true}, {"0000", true, true},
    {"-0500", true, true}, {"-0000", false, false}, {"2015-13", false, false}, {"2015-00", false, false},
    {"2015-1", false, false}, {"20155", false, false}, {"May 2015", false, false}, {"2015-11-23 ", false, false},
    {"2017-02-30", false, false}, {"2015-04-31", false, false}, {"2016-02-29", true, true},
    {"2017-02-29", false, true, kImpossible}, {"1900-02-29", false, true, kImpossible},
    {"-0001-02-29", false, true, kImpossible},
    {"15", false, true, kTruncated}, {"201", false, true, kTruncated},
    {"2015-11-23T10:30:00Z", true, true}, {"2015-11-23T10:30Z", true, true}, {"2015-11-23T10:30", true, true},
    {"2015-11-23T10:30:00.123Z", true, true}, {"2015-11-23T10:30:00.Z", false, false},
    {"2015-11-23T10Z", false, false}, {"2015-11-23T25:00Z", false, false}, {"2015-11-23T24:00", true, true},
    {"2015-11-23T24:00:01", false, false}, {"2015-11-23T23:59:60Z", false, false},
    {"2015-11-23T10:30:00+14:00", true, true}, {"2015-11-23T10:30:00+14:01", false, false},
    {"2015-11-23T10:30:00+15", false, false}, {"2015-11-23T10:30:00-12:00", true, true},
    {"2015-11-23T10:30:00-13:00", false, false}, {"2015-11-23T10:30:00-00:00", false, false},
    {"2015-11-23T10:30:00-00:30", true, true}, {"2015-11-23T10:30:00+05", true, true},
    {"2015-11-23T10:30:00+0530", true, true}, {"2015-11-23T10:30:00\u221205:00", true, true},
    {"2015-09-30/2016-03-14", true, true}, {"2015/2016-03", true, true}, {"1964/2008", true, true},
    {"2016-03-14/2015-09-30", false, false}, {"1985-04-12/1985-04-11", false, false},
    {"2015-11-23T10:30:00Z/2016", true, true},
    {"2015/2015", true, false, kOverlap}, {"2015-06/2015", true, false, kOverlap},
    {"2015-11-23T10:30Z/2015-11-23", true, false, kOverlap},
    // Level 1.
    {"1984?", true, true}, {"2004-06~", true, true}, {"2004-06-11%", true, true}, {"2004??", false, false},
    {"2015-11-23T10:30Z~", true, false, kQualifiedTime},
    {"201X", true, true}, {"19XX", true, true}, {"XXXX", true, true}, {"-19XX", true, true},
    {"2004-XX", true, true}, {"1985-04-XX", true, true}, {"1985-XX-XX", true, true}, {"XXXX-XX-XX", true, true},
    {"201X?", false, false}, {"20X", false, false}, {"2004-X", false, false},
    {"-0000-XX", false, true, kMinusZero},
    {"2001-21", true, true}, {"2001-22", true, true}, {"2001-23", true, true}, {"2001-24", true, true},
    {"2001-20", false, false}, {"2001-21~", false, false}, {"2001-21-05", false, false},
    {"Y170000", true, true}, {"Y-17000", true, true}, {"Y17000", true, true}, {"Y1700", false, false},
    {"Y017000", false, false}, {"Y+17000", false, false}, {"y17000", false, false}, {"Y-17000?", false, false},
    {"/2006", true, true}, {"2004-06-11/", true, true}, {"2015/", true, true}, {"../2006", true, true},
    {"2004-06-11/..", true, true}, {"../1985-04-12", true, true}, {"1984~/2004-06", true, true},
    {"1984?/2004%", true, true}, {"2015-11-23T10:30Z/..", true, true},
    {"/", false, true, kNoDate}, {"../..", false, true, kNoDate}, {"/..", false, true, kNoDate},
    {"../", false, true, kNoDate},
    {"2001-21/2001-23", false, false}, {"Y-17000/2000", false, false}, {"2015/2016/2017", false, false},
    // Level 2: qualifiers on parts.
    {"2004?-06-11", true, true}, {"?2015", true, true}, {"?-2004", true, true}, {"-?2004", false, false},
    {"2004-06~-11", true, true}, {"?2004-06-~11", true, true}, {"2004-%06-11", true, true},
    {"2004-06-?11", true, true}, {"?2004?-06", true, true}, {"?2004?", false, false}, {"?2004~", false, false},
    {"2004?~-06", false, false}, {"2004-06-11?~", false, false}, {"156X?-12-25", false, false},
    // Level 2: unspecified digits anywhere.
    {"156X-12-25", true, true}, {"15XX-12-25", true, true}, {"XXXX-12-XX", true, true}, {"1XXX-12", true, true},
    {"1984-1X", true, true}, {"X984", true, true}, {"-1XXX", true, true}, {"2004-X3-31", true, true},
    {"2004-XX-31", true, true}, {"2004-02-X9", true, true}, {"XXXX-02-29", true, true},
    {"2004-X4-31", false, false}, {"2004-02-3X", false, false}, {"2004-1X-32", false, false},
    {"XXX1-02-29", false, true, kImpossible},
    {"2004-X3", true, false, kAnyDigit}, {"2004-04-3X", true, false, kAnyDigit},
    // Level 2: sub-year groupings, long years.
    {"2001-25", true, true}, {"2001-32", true, true}, {"2001-33", true, true}, {"2001-41", true, true},
    {"2001-42", false, false}, {"Y-17E7", true, true}, {"Y17E3", true, true}, {"Y1700E0", true, true},
    {"1950S2", false, true, kSignificant}, {"Y171010000S3", false, true, kSignificant},
    // Level 2: intervals.
    {"201X/2015", true, true}, {"2004-06-XX/2004-07-03", true, true}, {"2004-06-~01/2004-06-~20", true, true},
    {"156X-12-25/1570", true, true},
    // Level 2: sets.
    {"[1667,1668,1670..1672]", true, true}, {"[..1760-12-03]", true, true}, {"[1760-12..]", true, true},
    {"[1760-01,1760-02,1760-12..]", true, true}, {"[1667,1760-12]", true, true}, {"[..1984]", true, true},
    {"{1667,1668,1670..1672}", true, true}, {"{1960,1961-12}", true, true}, {"{..1984}", true, true},
    {"[2018-05-28,2018-05-29]", true, true}, {"{1960,1961}", true, true}, {"[1760-01..1760-12]", true, true},
    {"[1667, 1668]", true, true}, {"[1667 ,1668]", true, true}, {"[..1984..]", true, true},
    {"[201X]", true, true}, {"[?1984,1985]", true, true}, {"[2004?-06-11]", true, true},
    {"[1667..1667]", true, true}, {"[-0500,2004]", true, true},
    {"[]", false, false}, {"{}", false, false}, {"[ 1667]", false, false}, {"[1667,]", false, false},
    {"[,1667]", false, false}, {"[..1984", false, false}, {"[1984..,1990]", false, false},
    {"[1984,..1990]", false, false}, {"{1960,[1961]}", false, false}, {"[-0000]", false, false},
    {"[2015-11-23T10:30:00Z]", false, false}, {"[Y170000]", false, false}, {"[2001-21]", false, false},
    {"[1760-01..1760-12-03]", false, false}, {"[2015..2016..2017]", false, false},
    {"[1667,1668]/1670", false, false}, {"{1960,1961]", false, false},
    {"[1670..1668]", false, true, kBackwards},
    {"[1984?,1985]", true, false, kQualifiedMember},
};

bool run(const std::string& command) { return std::system(command.c_str()) == 0; }

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string json_array() {
  std::string out = "[";
  for (const Row& r : kRows) {
    if (out.size() > 1) out += ",";
    out += '"';
    for (const char* c = r.text; *c; ++c) {
      if (*c == '"' || *c == '\\') out += '\\';
      out += *c;
    }
    out += '"';
  }
  return out + "]";
}

bool installed(const std::string& dir) {
  std::ifstream in{dir + "/node_modules/edtf/package.json"};
  std::stringstream text;
  text << in.rdbuf();
  return text.str().find("\"version\": \"4.11.1\"") != std::string::npos;
}

}  // namespace

TEST(EdtfReference, AcceptsWhatEdtfJsAcceptsExceptTheListedDisagreements) {
  const std::string dir = CS_EDTF_JS_DIR;
  if (!run("command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1"))
    GTEST_SKIP() << "node or npm is not installed: the comparison with edtf.js is skipped";
  if (!installed(dir)) {
    const std::string install =
        "mkdir -p " + quoted(dir) + " && cd " + quoted(dir) +
        " && (test -f package.json || echo '{\"private\": true}' > package.json)"
        " && timeout 90 npm install --no-audit --no-fund --fetch-retries=1 --fetch-timeout=30000 " +
        kEdtfJs + " > npm-install.log 2>&1";
    if (!run(install) || !installed(dir))
      GTEST_SKIP() << "npm could not install " << kEdtfJs << " (is the registry reachable? see " << dir
                   << "/npm-install.log): the comparison with edtf.js is skipped";
  }
  const std::string input = dir + "/strings.json", output = dir + "/accepted.txt";
  std::ofstream{input} << json_array();
  ASSERT_TRUE(run("node " + quoted(CS_EDTF_JS_SCRIPT) + " " + quoted(dir) + " < " + quoted(input) + " > " +
                  quoted(output)))
      << "the edtf.js script failed";

  std::ifstream answers{output};
  std::string line;
  int agree = 0;
  std::string disagreements;
  for (const Row& r : kRows) {
    ASSERT_TRUE(std::getline(answers, line)) << "edtf.js gave no answer for '" << r.text << "'";
    SCOPED_TRACE(r.text);
    const bool js = line.starts_with("1");
    const auto ours = parse_edtf(r.text);
    EXPECT_EQ(js, r.edtf_js) << "edtf.js: " << line;
    EXPECT_EQ(bool(ours.value), r.chronoscope) << "Chronoscope: " << ours.error.message;
    EXPECT_EQ(r.chronoscope != r.edtf_js, *r.why != '\0') << "a disagreement needs its reason, an agreement none";
    if (r.chronoscope == r.edtf_js) ++agree;
    else
      disagreements += std::string{"  "} + r.text + (r.chronoscope ? " (only Chronoscope): " : " (only edtf.js): ") +
                       r.why + "\n";
  }
  std::cout << "agree on " << agree << " of " << std::size(kRows) << " strings; intended disagreements:\n"
            << disagreements;
}
