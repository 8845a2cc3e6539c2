#!/bin/sh
# Usage: prune-to-workspace.sh <workspace>   (run in the repository root, after
# `npm ci --omit=dev --workspace=<workspace>`).
#
# Keeps in node_modules only the production closure of one workspace. npm's workspace-focused
# install still links every workspace the target names, dev dependencies included (the gateway's
# and each subgraph's `@passerelle/mocks`, which brings msw and typescript), and `npm prune
# --omit=dev` keeps them; `npm ls --omit=dev` does compute the closure without them, so whatever
# it does not list goes.
set -eu
workspace="$1"
root="$(pwd)"
keep="$(mktemp)"
npm ls --omit=dev --all --parseable --workspace="$workspace" | sed "s|^$root/||" | sort -u >"$keep"
test -s "$keep"
for dir in node_modules/[!@.]* node_modules/@*/*; do
  [ -e "$dir" ] || continue
  grep -qxF "$dir" "$keep" || rm -rf "$dir"
done
# Empty scopes, and the command links of removed packages.
find node_modules -mindepth 1 -maxdepth 1 -name '@*' -type d -empty -delete
find node_modules/.bin -xtype l -delete 2>/dev/null || true
rm -f "$keep"
