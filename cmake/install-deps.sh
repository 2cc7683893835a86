#!/bin/sh
# Installs the Debian packages Chronoscope needs to build, run and test, if any are missing.
# Works as root or through sudo. Nothing but Debian's apt is downloaded.
set -eu
PACKAGES="build-essential cmake pkg-config python3 python3-glad
  libimgui-dev libglfw3-dev libhowardhinnant-date-dev libyaml-cpp-dev libstb-dev
  libgl-dev libegl-dev libegl-mesa0 libgl1-mesa-dri fonts-dejavu-core xdg-utils
  libgtest-dev libbenchmark-dev xvfb xauth xdotool
  nlohmann-json3-dev libxxhash-dev python3-jsonschema python3-yaml
  libcairo2-dev poppler-utils librsvg2-bin imagemagick time"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "Installing:$missing"
$SUDO apt-get update -q
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
