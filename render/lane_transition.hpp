// Lanes that come and go between two story steps: the two layouts of the same view (the lanes before and
// after) blended into one whose bands change height smoothly, lanes leaving shrinking to nothing and lanes
// arriving growing from nothing, each showing the marks that fit in its band at that moment.
#pragma once

#include "render/layout.hpp"

namespace cs {

// `from` and `to` are layouts of the same view and top; `p` in [0, 1] how far the change has gone (0 is
// `from`'s bands, 1 is `to`'s). Lanes in `to` keep `to`'s order and marks; lanes only in `from` stay beside
// the lane they followed there, with `from`'s marks. A record or ghost shows only while its mark fits in
// its band (its label too, else the label is left out). Bands lower than `min_band` are left out of the
// lanes list (their headers would not fit) but still take their height.
Layout blend_lanes(const Layout& from, const Layout& to, double p, float min_band);

}  // namespace cs
