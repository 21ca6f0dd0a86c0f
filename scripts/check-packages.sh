#!/usr/bin/env bash
# Build every package, then check the shape of each publishable one:
#   publint --strict                      (package.json / exports / files lint, on the pnpm-packed tarball)
#   attw --pack . --profile esm-only      (are-the-types-wrong; ESM-only packages are expected)
# plus a guard that the packed package.json has no dev-only `@ml4t/source` condition and no `workspace:` range.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> check-packages: build"
pnpm build

failed=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for dir in packages/*/; do
  dir="${dir%/}"
  [ -f "$dir/package.json" ] || continue
  name="$(node -p "require('./$dir/package.json').name")"
  private="$(node -p "Boolean(require('./$dir/package.json').private)")"
  if [ "$private" = "true" ]; then
    echo "==> $name: private, skipped"
    continue
  fi
  echo "==> $name ($dir)"
  (
    cd "$dir"
    pnpm exec publint --strict
    pnpm exec attw --pack . --profile esm-only
    # Pack the way `changeset publish` (pnpm publish) does and inspect the manifest that would ship.
    pnpm pack --pack-destination "$tmp" >/dev/null
    tgz="$(ls -t "$tmp"/*.tgz | head -1)"
    manifest="$(tar -xzOf "$tgz" package/package.json)"
    if node -e 'const m = JSON.parse(process.argv[1]); process.exit(JSON.stringify(m.exports ?? {}).includes("@ml4t/source") ? 0 : 1)' "$manifest"; then
      echo "error: packed package.json of $name still exports the @ml4t/source condition" >&2
      exit 1
    fi
    if grep -q '"workspace:' <<<"$manifest"; then
      echo "error: packed package.json of $name still has a workspace: range" >&2
      exit 1
    fi
    echo "packed: $(basename "$tgz") ($(tar -tzf "$tgz" | wc -l) files)"
  ) || { echo "FAILED: $name" >&2; failed=1; }
done

if [ "$failed" -ne 0 ]; then
  echo "check-packages: FAILED" >&2
  exit 1
fi
echo "check-packages: all publishable packages OK"
