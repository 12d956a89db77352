#!/usr/bin/env bash
# A real Docker engine for the end-to-end tests (docs: ../README.md, "Tests"), on a Debian
# machine where none may be running and no registry is reachable:
#   - installs Debian's docker.io when there is no dockerd;
#   - reuses an engine that already answers, else starts dockerd in the background and stops it
#     (by its own process id) when the sourcing script exits;
#   - builds the test images without a registry: a busybox-static root filesystem through
#     `docker import`, and the same plus the machine's static docker client for parents that
#     use the socket.
# Sourced by scripts/test.sh; `bash scripts/engine.sh` alone leaves the engine running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
type log >/dev/null 2>&1 || source scripts/bootstrap-lib.sh

NESTC_TEST_IMAGE=nestc-test/busybox:1
NESTC_TEST_CLI_IMAGE=nestc-test/docker-cli:1
export NESTC_TEST_IMAGE NESTC_TEST_CLI_IMAGE

engine_answers() { timeout 5 docker version --format '{{.Server.APIVersion}}' >/dev/null 2>&1; }

engine_start() {
  if engine_answers; then
    log "using the Docker engine that already answers (API $(docker version --format '{{.Server.APIVersion}}'))"
    return
  fi
  if ! command -v dockerd >/dev/null; then
    log "installing Debian's docker.io (the test engine)"
    apt_install docker.io
  fi
  log "starting dockerd"
  mkdir -p .tmp
  # Started directly (as_root is a shell function: `as_root dockerd &` would fork a subshell,
  # record the subshell's id, and leave dockerd running when that id is stopped). Under sudo the
  # recorded id is sudo's, which passes the stop signal on to dockerd.
  if [ "$(id -u)" = 0 ]; then
    dockerd --host unix:///var/run/docker.sock >.tmp/dockerd.log 2>&1 &
  else
    sudo dockerd --host unix:///var/run/docker.sock >.tmp/dockerd.log 2>&1 &
  fi
  NESTC_DOCKERD_PID=$!
  echo "$NESTC_DOCKERD_PID" >.tmp/dockerd.pid
  for _ in $(seq 1 60); do
    engine_answers && break
    kill -0 "$NESTC_DOCKERD_PID" 2>/dev/null || break
    sleep 0.5
  done
  if ! engine_answers; then
    echo "error: dockerd did not answer; its log (.tmp/dockerd.log) ends with:" >&2
    tail -n 20 .tmp/dockerd.log >&2 || true
    return 1
  fi
  log "dockerd answers (API $(docker version --format '{{.Server.APIVersion}}'))"
}

# Stop dockerd only if this script started it, by the id it recorded.
engine_stop() {
  if [ -n "${NESTC_DOCKERD_PID:-}" ] && kill -0 "$NESTC_DOCKERD_PID" 2>/dev/null; then
    log "stopping the dockerd this run started (pid $NESTC_DOCKERD_PID)"
    as_root kill "$NESTC_DOCKERD_PID" || true
    for _ in $(seq 1 40); do kill -0 "$NESTC_DOCKERD_PID" 2>/dev/null || break; sleep 0.25; done
    rm -f .tmp/dockerd.pid
  fi
}

# A root filesystem with the static busybox and its applet links, imported as an image.
build_rootfs_image() {
  local name=$1 with_cli=$2 dir
  if docker image inspect "$name" >/dev/null 2>&1; then return; fi
  dpkg -s busybox-static >/dev/null 2>&1 || apt_install busybox-static
  dir=$(mktemp -d)
  mkdir -p "$dir/bin" "$dir/tmp" "$dir/etc" "$dir/proc" "$dir/sys" "$dir/dev" "$dir/var/run"
  cp /bin/busybox "$dir/bin/busybox"
  for applet in $("$dir/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$dir/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$dir/etc/passwd"
  echo 'root:x:0:' >"$dir/etc/group"
  if [ "$with_cli" = 1 ]; then cp "$(command -v docker)" "$dir/bin/docker"; fi
  log "building test image $name (docker import, no registry)"
  tar -C "$dir" -c . | docker import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' - "$name" >/dev/null
  rm -rf "$dir"
}

engine_images() {
  build_rootfs_image "$NESTC_TEST_IMAGE" 0
  build_rootfs_image "$NESTC_TEST_CLI_IMAGE" 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  engine_start
  engine_images
fi
