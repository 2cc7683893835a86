// The session's filter: applied as typed when it parses and fits, kept while the text has a mistake,
// re-evaluated when the document changes, dropped (with its error) when the document no longer fits it;
// the index the canvas reads holds the matches only.
#include "app/session.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

using namespace cs;

namespace {

std::size_t indexed(const TimelineIndex& index) {
  std::size_t n = 0;
  for (std::size_t s = 0; s < index.slots().size(); ++s) n += index.members(s);
  return n;
}

// A session with a copy of the small fixture open: a copy of its own for each test, since ctest runs the
// tests of this file side by side, and a copy written over while another session reads it was flaky.
struct Open {
  Session session;
  Open() {
    const auto dir = std::filesystem::path{::testing::TempDir()} /
                     ("session_test-" + std::string{::testing::UnitTest::GetInstance()->current_test_info()->name()});
    std::filesystem::create_directories(dir);
    const auto file = dir / "small.yaml";
    std::filesystem::copy_file(std::string{CS_FIXTURES} + "/small.yaml", file,
                               std::filesystem::copy_options::overwrite_existing);
    session.open(file.string());
    for (int i = 0; i < 500 && !session.doc(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      session.update();
    }
  }
};

}  // namespace

TEST(SessionFilter, NoFilterShowsTheDocumentsIndex) {
  Open o;
  ASSERT_NE(o.session.doc(), nullptr);
  EXPECT_FALSE(o.session.filter().active());
  EXPECT_EQ(&o.session.view_index(), &o.session.doc()->index());
  EXPECT_EQ(o.session.filter().matching(), 13u);
}

TEST(SessionFilter, AFilterThatFitsIsAppliedAtOnce) {
  Open o;
  o.session.set_filter("lane:syria -precision:year");
  const FilterState& f = o.session.filter();
  EXPECT_TRUE(f.active());
  EXPECT_EQ(f.matching(), 8u);
  EXPECT_FALSE(f.error());
  EXPECT_NE(&o.session.view_index(), &o.session.doc()->index());
  EXPECT_EQ(indexed(o.session.view_index()), 8u);  // the burst, in Syria's lane only
  EXPECT_TRUE(o.session.shown(*o.session.doc()->find_event("b3")));
  EXPECT_FALSE(o.session.shown(*o.session.doc()->find_event("visit")));
}

TEST(SessionFilter, AMistakeKeepsTheLastFilterThatWorked) {
  Open o;
  o.session.set_filter("lane:syria");
  const std::uint64_t g = o.session.filter().generation();
  o.session.set_filter("lane:syr");  // half typed: no such lane
  const FilterState& f = o.session.filter();
  ASSERT_TRUE(f.error());
  EXPECT_EQ(f.error()->format(), "filter:1:6: error: unknown lane 'syr'");
  EXPECT_EQ(f.applied(), "lane:syria");
  EXPECT_EQ(f.matching(), 9u);
  EXPECT_EQ(f.generation(), g);  // nothing was rebuilt
  o.session.set_filter("");
  EXPECT_FALSE(o.session.filter().active());
  EXPECT_FALSE(o.session.filter().error());
}

TEST(SessionFilter, AnEditIsFilteredLikeEverythingElse) {
  Open o;
  o.session.set_filter("lane:syria");
  const std::uint64_t g = o.session.filter().generation();
  ASSERT_TRUE(o.session.apply(EditOp::set("visit", "lanes", "[russia, syria]")).ok);
  EXPECT_EQ(o.session.filter().matching(), 10u);
  EXPECT_GT(o.session.filter().generation(), g);
  EXPECT_TRUE(o.session.shown(*o.session.doc()->find_event("visit")));
  ASSERT_TRUE(o.session.undo());
  EXPECT_EQ(o.session.filter().matching(), 9u);
}

TEST(SessionFilter, AFilterTheDocumentNoLongerFitsIsDropped) {
  Open o;
  o.session.set_filter("source:paper");
  ASSERT_TRUE(o.session.filter().active());
  EXPECT_EQ(o.session.filter().matching(), 1u);
  // The only citation of the source goes, and then the source: "source:paper" names nothing any more.
  const EditOp ops[] = {EditOp::unset("campaign", "sources"), EditOp::remove("paper", ListKind::Sources)};
  ASSERT_TRUE(o.session.apply(ops).ok) << o.session.status();
  const FilterState& f = o.session.filter();
  EXPECT_FALSE(f.active());
  ASSERT_TRUE(f.error());
  EXPECT_EQ(f.error()->format(), "filter:1:8: error: unknown source 'paper'");
  EXPECT_EQ(f.matching(), o.session.doc()->timeline().event_count());
  EXPECT_EQ(&o.session.view_index(), &o.session.doc()->index());
}
