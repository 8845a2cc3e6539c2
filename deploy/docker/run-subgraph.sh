#!/bin/sh
# The subgraph image's command: runs subgraphs/$SUBGRAPH/dist/main.js (its production build), listening on every interface
# of the container unless <PREFIX>_HOST says otherwise (the kit's default, 127.0.0.1, would be
# unreachable from outside the container). PREFIX is the name in capitals with `_` for `-`, as
# in subgraphs/<name>/src/config.ts.
set -eu
prefix="$(printf '%s' "$SUBGRAPH" | tr 'a-z-' 'A-Z_')"
eval "export ${prefix}_HOST=\"\${${prefix}_HOST:-0.0.0.0}\""
exec node "subgraphs/$SUBGRAPH/dist/main.js"
