// The presenter's keys: what each GLFW key means, and where they take a presentation of a few steps.
#include <gtest/gtest.h>

#include "app/presenter_nav.hpp"

#include <GLFW/glfw3.h>

using namespace cs;

namespace {
const KeyPress kNext{PresentKey::Next}, kPrev{PresentKey::Previous}, kEnter{PresentKey::Enter};
KeyPress digit(int d) { return {PresentKey::Digit, d}; }
}  // namespace

TEST(PresenterNav, KeysMeanWhatClickersAndKeyboardsSend) {
  for (int k : {GLFW_KEY_RIGHT, GLFW_KEY_PAGE_DOWN, GLFW_KEY_SPACE}) EXPECT_EQ(present_key(k)->key, PresentKey::Next) << k;
  for (int k : {GLFW_KEY_LEFT, GLFW_KEY_PAGE_UP}) EXPECT_EQ(present_key(k)->key, PresentKey::Previous) << k;
  EXPECT_EQ(present_key(GLFW_KEY_BACKSPACE)->key, PresentKey::Backspace);
  EXPECT_EQ(present_key(GLFW_KEY_ENTER)->key, PresentKey::Enter);
  EXPECT_EQ(present_key(GLFW_KEY_HOME)->key, PresentKey::First);
  EXPECT_EQ(present_key(GLFW_KEY_END)->key, PresentKey::Last);
  EXPECT_EQ(present_key(GLFW_KEY_B)->key, PresentKey::Blank);
  EXPECT_EQ(present_key(GLFW_KEY_ESCAPE)->key, PresentKey::Leave);
  EXPECT_EQ(present_key(GLFW_KEY_7)->digit, 7);
  EXPECT_EQ(present_key(GLFW_KEY_KP_3)->digit, 3);
  EXPECT_FALSE(present_key(GLFW_KEY_Q));
}

TEST(PresenterNav, NextAndPreviousStopAtTheEnds) {
  PresenterNav n{3, 0};
  EXPECT_FALSE(n.press(kPrev));
  EXPECT_TRUE(n.press(kNext));
  EXPECT_TRUE(n.press(kEnter));  // Enter with no number is next
  EXPECT_EQ(n.step(), 2u);
  EXPECT_FALSE(n.press(kNext));
  EXPECT_EQ(n.step(), 2u);
  EXPECT_TRUE(n.press({PresentKey::Backspace}));
  EXPECT_EQ(n.step(), 1u);
  EXPECT_TRUE(n.press({PresentKey::First}));
  EXPECT_EQ(n.step(), 0u);
  EXPECT_TRUE(n.press({PresentKey::Last}));
  EXPECT_EQ(n.step(), 2u);
}

TEST(PresenterNav, ANumberThenEnterJumps) {
  PresenterNav n{12, 0};
  n.press(digit(1));
  n.press(digit(1));
  EXPECT_EQ(n.typed(), "11");
  EXPECT_TRUE(n.press(kEnter));
  EXPECT_EQ(n.step(), 10u);
  EXPECT_EQ(n.typed(), "");
  n.press(digit(4));
  n.press(digit(2));
  n.press({PresentKey::Backspace});  // corrects the number rather than going back
  EXPECT_EQ(n.typed(), "4");
  EXPECT_EQ(n.step(), 10u);
  EXPECT_TRUE(n.press(kEnter));
  EXPECT_EQ(n.step(), 3u);
  n.press(digit(9));
  n.press(digit(9));
  EXPECT_FALSE(n.press(kEnter));  // no step 99: the step stays, and the screen says why until the next key
  EXPECT_EQ(n.step(), 3u);
  EXPECT_EQ(n.refused(), 99u);
  n.press(digit(0));  // no step 0 either
  EXPECT_EQ(n.typed(), "");
  EXPECT_EQ(n.refused(), 0u);
}

TEST(PresenterNav, BBlanksAndAnyStepKeyComesBackWhereItWas) {
  PresenterNav n{3, 1};
  n.press({PresentKey::Blank});
  EXPECT_TRUE(n.blank());
  EXPECT_FALSE(n.press(kNext));  // the screen comes back on the same step
  EXPECT_FALSE(n.blank());
  EXPECT_EQ(n.step(), 1u);
  n.press({PresentKey::Blank});
  n.press({PresentKey::Blank});
  EXPECT_FALSE(n.blank());
}

TEST(PresenterNav, EscapeLeaves) {
  PresenterNav n{3, 2};
  EXPECT_FALSE(n.done());
  n.press({PresentKey::Leave});
  EXPECT_TRUE(n.done());
}

TEST(PresenterNav, AReloadWithFewerStepsKeepsTheStepInRange) {
  PresenterNav n{5, 4};
  n.set_steps(2);
  EXPECT_EQ(n.step(), 1u);
  EXPECT_EQ(n.steps(), 2u);
  EXPECT_FALSE(n.press(kNext));
}
