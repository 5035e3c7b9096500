#!/usr/bin/env bash
# Refreshes the committed OpenAPI specs (docs/api/*.yml) from the code: compiles every module that has an
# openapi.properties with -Dapi.update, which copies each generated META-INF/swagger/<name>.yml over the committed
# copy instead of failing on the difference. Review and commit the diff it prints.
# dojo-common goes first: users merges its fragment (docs/api/dojo-common.yml) at compile time.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -Dapi.update -pl libs/common,services/users,services/eval,services/swapper,services/main process-classes "$@"
git --no-pager diff --stat -- docs/api
