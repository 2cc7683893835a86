// The Stories panel's document operations: a view as an EDTF range, steps as YAML flow text, and adding a
// step from a view, reordering and deleting on the story fixture: each one edit (one undo step), the file on
// disk changed only in the story's lines, read back as the panel meant.
#include <gtest/gtest.h>

#include "app/story_edits.hpp"

#include <date/date.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cs;

namespace {

Seconds at(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{h} +
         std::chrono::minutes{min};
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in{p, std::ios::binary};
  return {std::istreambuf_iterator<char>{in}, {}};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in{text};
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The fixture copied to a scratch file and opened as a document.
struct StoryFile {
  std::filesystem::path path;
  std::unique_ptr<Document> doc;
  explicit StoryFile(const std::string& name) {
    path = std::filesystem::path{::testing::TempDir()} / name;
    std::filesystem::copy_file(std::string{CS_FIXTURES} + "/story.yaml", path,
                               std::filesystem::copy_options::overwrite_existing);
    doc = Document::load(path.string());
  }
  const Story& briefing() const { return doc->timeline().stories.at(0); }
};

// Asserts that `after` differs from `before` only between the lines where the story `id` starts and where
// the next story starts: the lines before and after that stretch are the same, byte for byte.
void expect_only_story_lines_changed(const std::string& before, const std::string& after, const std::string& id,
                                     const std::string& next_id) {
  const auto a = lines(before), b = lines(after);
  const auto find = [](const std::vector<std::string>& v, const std::string& s) {
    return std::size_t(std::find(v.begin(), v.end(), s) - v.begin());
  };
  const std::size_t a0 = find(a, "  - id: " + id), b0 = find(b, "  - id: " + id);
  const std::size_t a1 = find(a, "  - id: " + next_id), b1 = find(b, "  - id: " + next_id);
  ASSERT_LT(a1, a.size());
  ASSERT_LT(b1, b.size());
  ASSERT_EQ(a0, b0);
  EXPECT_TRUE(std::equal(a.begin(), a.begin() + std::ptrdiff_t(a0), b.begin()));
  EXPECT_TRUE(std::equal(a.begin() + std::ptrdiff_t(a1), a.end(), b.begin() + std::ptrdiff_t(b1), b.end()));
  EXPECT_NE(before, after);
}

}  // namespace

TEST(StoryEdits, ARangeTakesTheCoarsestPrecisionThatKeepsTheView) {
  EXPECT_EQ(edtf_range(at(1900, 3, 5), at(2000, 7, 1)), "1900/2000");
  EXPECT_EQ(edtf_range(at(2015, 9, 3), at(2019, 6, 20)), "2015-09/2019-06");
  EXPECT_EQ(edtf_range(at(2015, 9, 3), at(2015, 12, 20)), "2015-09-03/2015-12-19");
  EXPECT_EQ(edtf_range(at(2015, 11, 23, 10, 30), at(2015, 11, 23, 11)), "2015-11-23T10:30:00Z/2015-11-23T10:59:59Z");
  EXPECT_EQ(edtf_range(at(-500, 1, 1), at(-400, 1, 1)), "-0500/-0401");
  // A view on whole months or years (a step's own range, shown) is written exactly so.
  EXPECT_EQ(edtf_range(at(2015, 9, 1), at(2016, 1, 1)), "2015-09/2015-12");
  EXPECT_EQ(edtf_range(at(2015, 1, 1), at(2017, 1, 1)), "2015/2016");
  EXPECT_EQ(edtf_range(at(2015, 3, 4), at(2015, 3, 9)), "2015-03-04/2015-03-08");
  // The range read back covers the view.
  const auto r = parse_edtf(edtf_range(at(2015, 9, 3, 5), at(2016, 2, 1, 7)));
  ASSERT_TRUE(r.value);
  EXPECT_LE(r.value->begin_time(), at(2015, 9, 3, 5));
  EXPECT_GE(r.value->end_time(), at(2016, 2, 1, 7));
}

TEST(StoryEdits, AStepIsAFlowMapOfWhatItHas) {
  StoryStep st;
  st.range_text = "2015-09/2015-12";
  EXPECT_EQ(step_yaml(st), "{range: 2015-09/2015-12}");
  st.title = "Entry: the campaign";
  st.focus = {"visit", "campaign"};
  st.lanes = {"russia"};
  st.caption = "Moscow, then Tehran";
  st.notes = "two\nlines";
  EXPECT_EQ(step_yaml(st), "{title: \"Entry: the campaign\", range: 2015-09/2015-12, focus: [visit, campaign], "
                           "lanes: [russia], caption: \"Moscow, then Tehran\", notes: \"two\\nlines\"}");
  EXPECT_EQ(steps_yaml(std::vector<StoryStep>{}), "[]");
}

TEST(StoryEdits, AddingAStepFromAViewChangesOnlyTheStorysLines) {
  StoryFile f{"story_add.yaml"};
  ASSERT_EQ(f.doc->timeline().stories.size(), 2u) << f.doc->diagnostics().format_all();
  const std::string before = slurp(f.path);
  const std::string long_caption = f.briefing().steps[2].caption;
  const StoryStep view = step_from_view(at(2015, 3, 1), at(2015, 9, 1), {"syria"}, {"b1", "b2"});
  ASSERT_TRUE(f.doc->apply(insert_step(f.briefing(), 1, view)).ok);
  ASSERT_EQ(f.doc->save().status, SaveStatus::Saved);
  const std::string after = slurp(f.path);
  expect_only_story_lines_changed(before, after, "briefing", "empty");
  // Read back from disk: the new step second, the others as they were, notes and all.
  const auto again = Document::load(f.path.string());
  ASSERT_FALSE(again->diagnostics().has_errors()) << again->diagnostics().format_all();
  const Story& s = again->timeline().stories.at(0);
  ASSERT_EQ(s.steps.size(), 4u);
  EXPECT_EQ(s.steps[1].range_text, "2015-03/2015-08");
  EXPECT_EQ(s.steps[1].lanes, std::vector<std::string>{"syria"});
  EXPECT_EQ(s.steps[1].focus, (std::vector<std::string>{"b1", "b2"}));
  EXPECT_EQ(s.steps[0].title, "Entry");
  EXPECT_EQ(s.steps[0].notes, "SECRET-NOTE-ONE for the presenter only.");
  EXPECT_EQ(s.steps[3].caption, long_caption);
  // One undo step gives the bytes back.
  ASSERT_TRUE(f.doc->undo());
  EXPECT_EQ(f.doc->text(), before);
}

TEST(StoryEdits, ReorderingMovesOneStepAndKeepsTheRest) {
  StoryFile f{"story_move.yaml"};
  const std::string before = slurp(f.path);
  const std::vector<StoryStep> old = f.briefing().steps;
  ASSERT_TRUE(f.doc->apply(move_step(f.briefing(), 2, 0)).ok);
  ASSERT_EQ(f.doc->save().status, SaveStatus::Saved);
  expect_only_story_lines_changed(before, slurp(f.path), "briefing", "empty");
  const auto again = Document::load(f.path.string());
  const Story& s = again->timeline().stories.at(0);
  ASSERT_EQ(s.steps.size(), 3u);
  EXPECT_EQ(s.steps[0].title, "What goes on");
  EXPECT_EQ(s.steps[0].caption, old[2].caption);
  EXPECT_EQ(s.steps[0].notes, "SECRET-NOTE-THREE");
  EXPECT_EQ(s.steps[1].title, "Entry");
  EXPECT_EQ(s.steps[1].focus, old[0].focus);
  EXPECT_EQ(s.steps[2].range_text, "2015-02-20/2015-03-10");
  ASSERT_TRUE(f.doc->undo());
  EXPECT_EQ(f.doc->text(), before);
}

TEST(StoryEdits, DeletingAStepLeavesTheOthers) {
  StoryFile f{"story_delete.yaml"};
  const std::string before = slurp(f.path);
  ASSERT_TRUE(f.doc->apply(delete_step(f.briefing(), 1)).ok);
  ASSERT_EQ(f.doc->save().status, SaveStatus::Saved);
  expect_only_story_lines_changed(before, slurp(f.path), "briefing", "empty");
  const auto again = Document::load(f.path.string());
  const Story& s = again->timeline().stories.at(0);
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].title, "Entry");
  EXPECT_EQ(s.steps[1].title, "What goes on");
  EXPECT_EQ(again->timeline().event_count(), f.doc->timeline().event_count());
}

TEST(StoryEdits, TextFieldsAndTitlesAreOneEditEach) {
  StoryFile f{"story_text.yaml"};
  const std::string before = f.doc->text();
  ASSERT_TRUE(f.doc->apply(set_step_text(f.briefing(), 1, StepField::Caption, "A new caption: with a colon")).ok);
  ASSERT_TRUE(f.doc->apply(set_step_text(f.briefing(), 1, StepField::Notes, "first line\nsecond line")).ok);
  ASSERT_TRUE(f.doc->apply(set_story_title(f.briefing(), "Renamed")).ok);
  EXPECT_EQ(f.briefing().title, "Renamed");
  EXPECT_EQ(f.briefing().steps[1].caption, "A new caption: with a colon");
  EXPECT_EQ(f.briefing().steps[1].notes, "first line\nsecond line");
  // A range the schema refuses is refused, and nothing changes.
  const std::string now = f.doc->text();
  EXPECT_FALSE(f.doc->apply(set_step_text(f.briefing(), 0, StepField::Range, "2015/..")).ok);
  EXPECT_EQ(f.doc->text(), now);
  for (int k = 0; k < 3; ++k) ASSERT_TRUE(f.doc->undo());
  EXPECT_EQ(f.doc->text(), before);
}

TEST(StoryEdits, ANewStoryGetsAFreshIdAndItsFirstStep) {
  StoryFile f{"story_new.yaml"};
  const std::string id = new_story_id(f.doc->timeline());
  EXPECT_EQ(id, "story");
  ASSERT_TRUE(f.doc->apply(add_story(id, "New story", step_from_view(at(2015, 1, 1), at(2016, 1, 1), {}, {"visit"}))).ok);
  ASSERT_EQ(f.doc->timeline().stories.size(), 3u);
  const Story& s = f.doc->timeline().stories.back();
  EXPECT_EQ(s.id, "story");
  ASSERT_EQ(s.steps.size(), 1u);
  EXPECT_EQ(s.steps[0].focus, std::vector<std::string>{"visit"});
  EXPECT_EQ(new_story_id(f.doc->timeline()), "story-2");
  ASSERT_TRUE(f.doc->apply(delete_story(s)).ok);
  EXPECT_EQ(f.doc->timeline().stories.size(), 2u);
}

// The first story of a file that has none: a `stories:` list is added at the end, and only that is added.
TEST(StoryEdits, TheFirstStoryOfAFileWithoutStoriesAddsTheList) {
  for (const std::string& text :
       {std::string{"title: T\nlanes:\n  - {id: a, name: A}\nevents:\n  - id: e1\n    title: E\n    date: 2015\n    lanes: [a]\n"},
        std::string{"title: T\nlanes:\n  - {id: a, name: A}\nevents:\n  - {id: e1, title: E, date: 2015, lanes: [a]}\n# the end\n"},
        std::string{"title: T\r\nlanes:\r\n  - {id: a, name: A}\r\nevents:\r\n  - id: e1\r\n    title: E\r\n    date: 2015\r\n    lanes: [a]"}}) {
    const auto path = std::filesystem::path{::testing::TempDir()} / "no_stories.yaml";
    {
      std::ofstream out{path, std::ios::binary};
      out << text;
    }
    auto doc = Document::load(path.string());
    ASSERT_FALSE(doc->diagnostics().has_errors()) << doc->diagnostics().format_all();
    const EditResult r = doc->apply(add_story("story", "New story", step_from_view(at(2015, 1, 1), at(2016, 1, 1), {}, {"e1"})));
    ASSERT_TRUE(r.ok) << r.problems.format_all();
    ASSERT_EQ(doc->timeline().stories.size(), 1u);
    EXPECT_EQ(doc->timeline().stories[0].steps.at(0).focus, std::vector<std::string>{"e1"});
    ASSERT_EQ(doc->save().status, SaveStatus::Saved);
    const std::string after = slurp(path);
    const std::string& kept = text;  // every byte before the new list stays
    EXPECT_EQ(after.substr(0, kept.size()), kept);
    EXPECT_EQ(after.find("stories:"), after.rfind("stories:"));
    EXPECT_EQ(Document::load(path.string())->timeline().stories.size(), 1u);
  }
}

// Editing one field of a step changes that field's bytes only: the step's other keys keep their text, and the
// edited caption stays a folded block (as events.yaml's captions are written).
TEST(StoryEdits, OneFieldOfAStepChangesOnlyItsOwnLines) {
  StoryFile f{"story_field.yaml"};
  const std::string before = f.doc->text();
  const std::string caption = f.briefing().steps[2].caption + " And one more sentence.";
  ASSERT_TRUE(f.doc->apply(set_step_text(f.briefing(), 2, StepField::Caption, caption)).ok);
  EXPECT_EQ(f.briefing().steps[2].caption, caption);
  const std::string after = f.doc->text();
  const auto a = lines(before), b = lines(after);
  const auto at = [](const std::vector<std::string>& v, const std::string& s) {
    return std::size_t(std::find(v.begin(), v.end(), s) - v.begin());
  };
  const std::size_t cap_a = at(a, "        caption: >-"), cap_b = at(b, "        caption: >-");
  ASSERT_LT(cap_a, a.size());
  ASSERT_EQ(cap_a, cap_b) << after;
  EXPECT_EQ(std::vector<std::string>(a.begin(), a.begin() + long(cap_a) + 1),
            std::vector<std::string>(b.begin(), b.begin() + long(cap_b) + 1));
  const std::size_t notes_a = at(a, "        notes: SECRET-NOTE-THREE"), notes_b = at(b, "        notes: SECRET-NOTE-THREE");
  ASSERT_LT(notes_b, b.size()) << after;
  EXPECT_EQ(std::vector<std::string>(a.begin() + long(notes_a), a.end()),
            std::vector<std::string>(b.begin() + long(notes_b), b.end()));
  for (std::size_t k = cap_b + 1; k < notes_b; ++k) EXPECT_EQ(b[k].rfind("          ", 0), 0u) << b[k];
  ASSERT_TRUE(f.doc->undo());
  EXPECT_EQ(f.doc->text(), before);
}
