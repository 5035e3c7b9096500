#!/usr/bin/env bash
# Checks the OS tools Dojo needs before anything starts, and installs the missing ones where it can.
#   launcher/prerequisites.sh run     what ./dojo needs: bubblewrap and python3 (eval's sandbox grades with them)
#   launcher/prerequisites.sh build   what ./mvnw -B verify needs: the above plus Chromium (the browser suite),
#                                     prometheus (promtool checks deploy/prometheus) and docker-compose (its
#                                     `config` checks the compose file; no Docker engine needed)
# Where the machine allows it (root, or passwordless sudo, with apt-get) it installs what is missing and says so
# in one line; otherwise it stops with one line naming the exact install command (exit 1).
# DOJO_NO_INSTALL=true: never install, only check. DOJO_SANDBOX_BWRAP, DOJO_SANDBOX_PYTHON, DOJO_CHROMIUM: where
# the binaries are expected (defaults /usr/bin/bwrap, /usr/bin/python3, /usr/bin/chromium, as eval and e2e use).
set -uo pipefail

purpose="${1:-run}"
# the binaries where eval looks for them (the same variables and defaults as its application.yml) → Debian package
checks=("${DOJO_SANDBOX_BWRAP:-/usr/bin/bwrap}=bubblewrap" "${DOJO_SANDBOX_PYTHON:-/usr/bin/python3}=python3")
if [[ "$purpose" == "build" ]]; then
  checks+=("${DOJO_CHROMIUM:-/usr/bin/chromium}=chromium" "/usr/bin/promtool=prometheus"
    "/usr/bin/docker-compose=docker-compose")
fi

# An installed bwrap can still be unusable: user namespaces disabled (kernel.unprivileged_userns_clone=0,
# user.max_user_namespaces=0, Ubuntu's AppArmor restriction) or a container's seccomp profile refusing them. eval
# would then start and answer 503 to every submission, so ./dojo stops here with bwrap's own reason instead.
# The flags are the namespace part of eval's sandbox (Sandbox.java): --unshare-all --unshare-user.
bwrap_usable() {
  [[ "$purpose" == "run" ]] || return 0
  local bwrap="${DOJO_SANDBOX_BWRAP:-/usr/bin/bwrap}" why code=0
  why="$("$bwrap" --unshare-all --unshare-user --die-with-parent --ro-bind / / -- /bin/true 2>&1)" || code=$?
  if ((code != 0)); then
    why="${why%%$'\n'*}"; why="${why%.}"
    echo "[prerequisites] bubblewrap cannot create a sandbox here: ${why:-$bwrap exited with $code}. Enable unprivileged user namespaces (docs/sandbox.md#what-the-host-or-container-must-provide)" >&2
    return 1
  fi
}

missing=()
for check in "${checks[@]}"; do
  [[ -x "${check%=*}" ]] || missing+=("${check##*=}")
done
if ((${#missing[@]} == 0)); then
  bwrap_usable
  exit $?
fi

what="${missing[*]}"
command_line="apt-get install -y --no-install-recommends $what"
as_root=()
if [[ "$EUID" != 0 ]]; then
  as_root=(sudo -n)
  command_line="sudo $command_line"
fi
can_install=false
if [[ "${DOJO_NO_INSTALL:-}" != "true" ]] && command -v apt-get >/dev/null 2>&1; then
  if [[ "$EUID" == 0 ]] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
    can_install=true
  fi
fi
if ! $can_install; then
  echo "[prerequisites] missing: $what. Install with: $command_line" >&2
  exit 1
fi

echo "[prerequisites] installing missing OS packages: $what (apt-get)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
      >"$log" 2>&1; then
  tail -5 "$log" >&2
  echo "[prerequisites] installing $what failed (output above). Install with: $command_line" >&2
  exit 1
fi
still=()
for check in "${checks[@]}"; do
  [[ -x "${check%=*}" ]] || still+=("${check%=*}")
done
if ((${#still[@]})); then
  echo "[prerequisites] installed $what, but ${still[*]} is still missing: set DOJO_SANDBOX_BWRAP/DOJO_SANDBOX_PYTHON/DOJO_CHROMIUM to where they are" >&2
  exit 1
fi
bwrap_usable
