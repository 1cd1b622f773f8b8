#!/usr/bin/env bash
# wp-down.sh — stop the php -S server and MariaDB that wp-up.sh started, using the PIDs it recorded
# in $WP_HOME/run/. Never kills by name. Data ($WP_HOME/mysql, site/, credentials.env) is kept;
# pass --purge to also delete $WP_HOME.
set -uo pipefail
# Default state dir: the repository's .tmp/wordpress (git-ignored); falls back to /tmp if the
# path would make the MariaDB socket path too long.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
if [ -z "${WP_HOME:-}" ]; then
  WP_HOME="$REPO_ROOT/.tmp/wordpress"
  # MariaDB's socket path must stay under ~100 bytes: deep checkouts use /tmp instead.
  [ ${#WP_HOME} -le 70 ] || WP_HOME="/tmp/redaksi-wordpress-$(id -u)"
fi
[ -d "$WP_HOME" ] || { echo "wp-down: $WP_HOME does not exist; nothing to stop"; exit 0; }
WP_HOME="$(cd "$WP_HOME" && pwd -P)"
RUN="$WP_HOME/run"

# stop_pid PIDFILE PATTERN NAME: verify the PID is still our process (cmdline contains PATTERN),
# SIGTERM its process group (wp-up.sh started it with setsid, so the group is exactly it and its
# children, e.g. php -S worker processes), wait, then SIGKILL if needed.
stop_pid() {
  local pidfile="$1" pattern="$2" name="$3" pid
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if [ -z "$pid" ]; then echo "wp-down: $name: no pid recorded"; return 0; fi
  if ! { [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$pattern"; }; then
    echo "wp-down: $name: pid $pid not running (or not ours); removing stale pid file"
    rm -f "$pidfile"; return 0
  fi
  local target="$pid"
  # signal the whole group only if the recorded PID leads it (true when started via setsid)
  if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then target="-$pid"; fi
  kill -TERM -- "$target" 2>/dev/null
  for _ in $(seq 1 150); do   # up to 30 s (MariaDB flushes InnoDB on shutdown)
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "wp-down: $name: pid $pid ignored SIGTERM; sending SIGKILL"
    kill -KILL -- "$target" 2>/dev/null
  fi
  # leftovers in the group (php -S workers)
  if [ "$target" = "-$pid" ] && pgrep -g "$pid" >/dev/null 2>&1; then
    sleep 0.5; kill -KILL -- "-$pid" 2>/dev/null
  fi
  rm -f "$pidfile"
  echo "wp-down: $name stopped (pid $pid)"
}

stop_pid "$RUN/php-server.pid" "-t $WP_HOME/site" "php -S"
stop_pid "$RUN/mariadbd.pid" "--datadir=$WP_HOME/mysql" "mariadbd"
rm -f "$RUN/mysqld.sock"

if [ "${1:-}" = "--purge" ]; then
  rm -rf -- "$WP_HOME"
  echo "wp-down: removed $WP_HOME"
fi
