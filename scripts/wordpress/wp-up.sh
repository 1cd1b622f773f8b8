#!/usr/bin/env bash
# wp-up.sh — bring up a REAL WordPress (Debian's package, or a release file with plugins) on loopback for the
# portal sync tests and for trying the app against a portal (`npm run portal:dev`; `npm run test:portal` runs it first).
#
#   wp-up.sh            # install packages if missing, start MariaDB + php -S, install WP, print creds
#   source "$WP_HOME/credentials.env"   # WP_URL, WP_API, WP_EDITOR_USER, WP_EDITOR_APP_PASSWORD, ...
#   wp-down.sh          # stop what wp-up.sh started (by recorded PIDs); --purge also deletes $WP_HOME
#
# Idempotent: re-running with servers up only re-applies settings/users and keeps the existing
# application passwords (it re-creates one only if the stored value no longer verifies).
#
# Environment (all optional):
#   WP_HOME=<repo>/.tmp/wordpress        state dir: mysql/ datadir, site/ WP copy, run/ pids+socket, logs/
#   WP_PORT=8088                  php -S listens on 127.0.0.1:$WP_PORT (loopback only)
#   WP_TIMEZONE=Asia/Makassar     timezone_string (WITA, UTC+8)
#   WP_DATE_FORMAT='Y-m-d'  WP_TIME_FORMAT='H:i'
#   WP_PERMALINK_STRUCTURE='/%postname%/'  pretty (/wp-json/ and /?rest_route= both work); '' = plain (only /?rest_route=)
#   WP_PHP_WORKERS=4              PHP_CLI_SERVER_WORKERS (parallel requests; 1 = strictly serial)
#   WP_UPLOAD_MAX=64M             upload_max_filesize / post_max_size passed to php -S
#   WP_DEBUG=0                    1 = WP_DEBUG + WP_DEBUG_LOG to $WP_HOME/logs/wp-debug.log (never displayed)
#   WP_SKIP_APT=0                 1 = never call apt-get (fail if something is missing)
#   WP_WAIT_SECS=60               how long to wait for MariaDB / the REST API
#   WP_RELEASE=                   '' = Debian's package (6.1.9 on Debian 12); e.g. 7.1 = install WordPress from
#                                 $WP_RELEASES_DIR/wordpress-7.1.0.tar.gz (or wordpress-7.1.tar.gz) instead;
#                                 when that file is absent, says so and falls back to Debian's package.
#                                 One WP_HOME per release: a site folder never changes release.
#   WP_PLUGINS=''                 space-separated plugin slugs, e.g. "wordpress-seo classic-editor": unpacks
#                                 $WP_RELEASES_DIR/<slug>.tar.gz or <slug>-<version>.tar.gz into wp-content/plugins
#                                 and activates exactly these (others are deactivated); '' = none
#   WP_RELEASES_DIR=<repo>/../shared/wordpress-releases   where the release files are
set -euo pipefail

# Default state dir: the repository's .tmp/wordpress (git-ignored); falls back to /tmp if the
# path would make the MariaDB socket path too long.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
if [ -z "${WP_HOME:-}" ]; then
  WP_HOME="$REPO_ROOT/.tmp/wordpress"
  # MariaDB's socket path must stay under ~100 bytes: deep checkouts use /tmp instead.
  [ ${#WP_HOME} -le 70 ] || WP_HOME="/tmp/redaksi-wordpress-$(id -u)"
fi
WP_PORT="${WP_PORT:-8088}"
WP_BIND=127.0.0.1
WP_TIMEZONE="${WP_TIMEZONE:-Asia/Makassar}"
WP_DATE_FORMAT="${WP_DATE_FORMAT:-Y-m-d}"
WP_TIME_FORMAT="${WP_TIME_FORMAT:-H:i}"
WP_PERMALINK_STRUCTURE="${WP_PERMALINK_STRUCTURE-/%postname%/}"
WP_PHP_WORKERS="${WP_PHP_WORKERS:-4}"
WP_UPLOAD_MAX="${WP_UPLOAD_MAX:-64M}"
WP_DEBUG="${WP_DEBUG:-0}"
WP_SKIP_APT="${WP_SKIP_APT:-0}"
WP_WAIT_SECS="${WP_WAIT_SECS:-60}"
WP_RELEASE="${WP_RELEASE:-}"
WP_PLUGINS="${WP_PLUGINS:-}"
WP_RELEASES_DIR="${WP_RELEASES_DIR:-$REPO_ROOT/../shared/wordpress-releases}"
WP_SRC=/usr/share/wordpress
WP_URL="http://${WP_BIND}:${WP_PORT}"

mkdir -p "$WP_HOME"
WP_HOME="$(cd "$WP_HOME" && pwd -P)"
SITE="$WP_HOME/site"
DATADIR="$WP_HOME/mysql"
RUN="$WP_HOME/run"
LOGS="$WP_HOME/logs"
SOCK="$RUN/mysqld.sock"
DB_PID_FILE="$RUN/mariadbd.pid"
PHP_PID_FILE="$RUN/php-server.pid"
mkdir -p "$RUN" "$LOGS"

T0=${EPOCHREALTIME/[.,]/}
log() { local t=$(( ${EPOCHREALTIME/[.,]/} - T0 )); printf '[wp-up %3d.%01ds] %s\n' $((t/1000000)) $((t%1000000/100000)) "$*" >&2; }
die() { echo "wp-up: ERROR: $*" >&2; exit 1; }

[ ${#SOCK} -lt 100 ] || die "socket path too long (${#SOCK} chars): use a shorter WP_HOME"

# ---------------------------------------------------------------- 1. which WordPress, packages
# A release file replaces Debian's copy; without it (or without WP_RELEASE) Debian's package is used.
RELEASE_TGZ=""
if [ -n "$WP_RELEASE" ]; then
  for f in "$WP_RELEASES_DIR/wordpress-$WP_RELEASE.0.tar.gz" "$WP_RELEASES_DIR/wordpress-$WP_RELEASE.tar.gz"; do
    [ -f "$f" ] && { RELEASE_TGZ="$f"; break; }
  done
  [ -n "$RELEASE_TGZ" ] || log "WP_RELEASE=$WP_RELEASE: no wordpress-$WP_RELEASE(.0).tar.gz in $WP_RELEASES_DIR; using Debian's package instead"
fi
wp_pkgs=(wordpress wordpress-theme-twentytwentythree)
[ -z "$RELEASE_TGZ" ] || wp_pkgs=()
need_pkgs=()
pkg_ok() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
for p in "${wp_pkgs[@]}" mariadb-server mariadb-client php-cli php-mysql php-gd \
         php-mbstring php-xml curl; do
  pkg_ok "$p" || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  [ "$WP_SKIP_APT" = 1 ] && die "missing packages (WP_SKIP_APT=1): ${need_pkgs[*]}"
  [ "$(id -u)" = 0 ] || die "missing Debian packages; install them as root, then re-run:
    sudo apt-get install --no-install-recommends ${need_pkgs[*]}"
  log "apt-get install ${need_pkgs[*]}"
  # wordpress pulls in apache2 and mariadb-server's postinst wants to start mysqld: block service starts
  # with a policy-rc.d (Docker-style images already ship one; only add/remove our own).
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1
  fi
  trap '[ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d; true' EXIT
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${need_pkgs[@]}" \
        > "$LOGS/apt.log" 2>&1; then
    log "apt-get install failed once; running apt-get update and retrying"
    apt-get update -q -o DPkg::Lock::Timeout=600 >> "$LOGS/apt.log" 2>&1 || true
    apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "${need_pkgs[@]}" \
        >> "$LOGS/apt.log" 2>&1 || { tail -20 "$LOGS/apt.log" >&2; die "apt-get install failed"; }
  fi
  if [ "$made_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; made_policy=0; fi
  log "packages installed"
fi
if [ -n "$RELEASE_TGZ" ]; then
  # Unpacked once per release file under $WP_HOME/releases/ (the tarball holds wordpress/).
  WP_SRC="$WP_HOME/releases/$(basename "$RELEASE_TGZ" .tar.gz)"
  if [ ! -f "$WP_SRC/wordpress/wp-includes/version.php" ] || [ "$RELEASE_TGZ" -nt "$WP_SRC/.unpacked" ]; then
    log "unpacking $(basename "$RELEASE_TGZ")"
    rm -rf "$WP_SRC"; mkdir -p "$WP_SRC"
    tar -xzf "$RELEASE_TGZ" -C "$WP_SRC" || die "could not unpack $RELEASE_TGZ"
    touch "$WP_SRC/.unpacked"
  fi
  WP_SRC="$WP_SRC/wordpress"
fi
[ -f "$WP_SRC/wp-includes/version.php" ] || die "$WP_SRC missing (is the wordpress package installed?)"
# The site folder keeps the release it was made from: another release needs its own WP_HOME.
WP_SRC_VERSION="$(sed -n "s/^\\\$wp_version = '\\(.*\\)';/\\1/p" "$WP_SRC/wp-includes/version.php")"
if [ -f "$WP_HOME/site/wp-includes/version.php" ]; then
  site_version="$(sed -n "s/^\\\$wp_version = '\\(.*\\)';/\\1/p" "$WP_HOME/site/wp-includes/version.php")"
  [ "$site_version" = "$WP_SRC_VERSION" ] || die "$WP_HOME holds WordPress $site_version, not $WP_SRC_VERSION: use another WP_HOME for this release (e.g. WP_HOME=$WP_HOME-${WP_SRC_VERSION//./})"
fi
MARIADBD="$(command -v mariadbd || command -v mysqld || echo /usr/sbin/mariadbd)"
[ -x "$MARIADBD" ] || die "mariadbd not found"

# helpers: is recorded PID alive and still the process we started?
pid_is() { # pidfile pattern
  local pid; pid="$(cat "$1" 2>/dev/null || true)"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$2"
}
db() { mariadb --no-defaults --socket="$SOCK" -uroot "$@"; }
# `daemon CMD... &`: CMD replaces the background subshell ($! is its PID), in its own session, with only
# stdin, stdout and stderr open. A descriptor inherited from the caller would stay open as long as the server
# runs: under `flock LOCKFILE wp-up.sh` that is the lock's, held until wp-down.sh.
daemon() {
  exec setsid bash -c 'for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done
                  exec "$@"' daemon "$@"
}

# ---------------------------------------------------------------- 2. secrets (generated once)
SECRETS_SH="$WP_HOME/secrets.env"
if [ ! -s "$SECRETS_SH" ]; then
  umask 077
  {
    echo "DB_PASSWORD='$(php -r 'echo bin2hex(random_bytes(12));')'"
    for u in ADMIN EDITOR AUTHOR CONTRIBUTOR; do
      echo "${u}_PASSWORD='$(php -r 'echo bin2hex(random_bytes(8));')'"
    done
  } > "$SECRETS_SH"
  php -r '$k=["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"];
          echo "<?php\n"; foreach($k as $n) printf("define(%s, %s);\n", var_export($n,true), var_export(bin2hex(random_bytes(32)),true));' \
    > "$WP_HOME/wp-salts.php"
  umask 022
fi
# shellcheck disable=SC1090
. "$SECRETS_SH"

# ---------------------------------------------------------------- 3. MariaDB (own datadir, socket only)
if [ ! -d "$DATADIR/mysql" ]; then
  log "initialising MariaDB datadir $DATADIR"
  rm -rf "$DATADIR"; mkdir -p "$DATADIR"
  mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$DATADIR" \
    --auth-root-authentication-method=socket --skip-test-db > "$LOGS/mariadb-install-db.log" 2>&1 \
    || { tail -20 "$LOGS/mariadb-install-db.log" >&2; die "mariadb-install-db failed"; }
fi
if pid_is "$DB_PID_FILE" "--datadir=$DATADIR"; then
  log "MariaDB already running (pid $(cat "$DB_PID_FILE"))"
else
  rm -f "$SOCK" "$DB_PID_FILE"
  log "starting mariadbd"
  # own session/process group, detached from our stdio so callers using $(...) don't hang
  daemon "$MARIADBD" --no-defaults --user="$(id -un)" --datadir="$DATADIR" --socket="$SOCK" \
      --pid-file="$DB_PID_FILE" --skip-networking --log-error="$LOGS/mariadb.err" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --innodb-buffer-pool-size=64M --innodb-log-file-size=16M --skip-name-resolve \
      < /dev/null > "$LOGS/mariadbd.out" 2>&1 &
  echo $! > "$DB_PID_FILE.launcher"
  for _ in $(seq 1 $(( WP_WAIT_SECS * 5 ))); do
    mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 && break
    kill -0 "$(cat "$DB_PID_FILE.launcher")" 2>/dev/null || { tail -20 "$LOGS/mariadb.err" >&2; die "mariadbd exited"; }
    sleep 0.2
  done
  mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 \
    || { tail -20 "$LOGS/mariadb.err" >&2; die "mariadbd did not answer within ${WP_WAIT_SECS}s"; }
  rm -f "$DB_PID_FILE.launcher"
  log "MariaDB up (pid $(cat "$DB_PID_FILE"))"
fi
db <<SQL
CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY '${DB_PASSWORD}';
ALTER USER 'wp'@'localhost' IDENTIFIED BY '${DB_PASSWORD}';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wp'@'localhost';
FLUSH PRIVILEGES;
SQL

# ---------------------------------------------------------------- 4. WordPress copy + config
# Debian's /usr/share/wordpress/wp-config.php looks up /etc/wordpress/config-<HTTP_HOST>.php and puts
# wp-content in /var/lib/wordpress (shared, system-wide). We use a private copy instead so that
# uploads, config and DB are all under $WP_HOME and nothing in /etc or /var/lib is touched.
if ! cmp -s "$WP_SRC/wp-includes/version.php" "$SITE/wp-includes/version.php"; then
  log "copying $WP_SRC -> $SITE"
  mkdir -p "$SITE"
  cp -a "$WP_SRC/." "$SITE/"        # keeps existing wp-content/uploads
fi
mkdir -p "$SITE/wp-content/uploads" "$SITE/wp-content/mu-plugins" "$SITE/wp-content/plugins"

# Plugins from release files: <slug>.tar.gz or <slug>-<version>.tar.gz unpack to <slug>/. Re-unpacked when
# the file is newer than the copy (a new version replaces the old one whole).
for slug in $WP_PLUGINS; do
  [[ "$slug" =~ ^[a-z0-9-]+$ ]] || die "WP_PLUGINS: '$slug' is not a plugin slug"
  tgz=""
  for f in "$WP_RELEASES_DIR/$slug.tar.gz" "$WP_RELEASES_DIR/$slug"-[0-9]*.tar.gz; do
    [ -f "$f" ] && { tgz="$f"; break; }
  done
  [ -n "$tgz" ] || die "WP_PLUGINS: no $slug.tar.gz or $slug-<version>.tar.gz in $WP_RELEASES_DIR"
  dest="$SITE/wp-content/plugins/$slug"
  if [ ! -f "$dest/.wp-up-unpacked" ] || [ "$tgz" -nt "$dest/.wp-up-unpacked" ]; then
    log "unpacking plugin $(basename "$tgz")"
    tmp="$(mktemp -d "$SITE/wp-content/plugins/.unpack.XXXXXX")"
    tar -xzf "$tgz" -C "$tmp" || { rm -rf "$tmp"; die "could not unpack $tgz"; }
    [ -d "$tmp/$slug" ] || { rm -rf "$tmp"; die "$tgz does not unpack to $slug/"; }
    rm -rf "$dest"; mv "$tmp/$slug" "$dest"; rm -rf "$tmp"
    touch "$dest/.wp-up-unpacked"
  fi
done

if [ "$WP_DEBUG" = 1 ]; then DBG="define('WP_DEBUG', true); define('WP_DEBUG_LOG', '$LOGS/wp-debug.log'); define('WP_DEBUG_DISPLAY', false);"
else DBG="define('WP_DEBUG', false);"; fi
cat > "$SITE/wp-config.php" <<PHP
<?php
// Generated by wp-up.sh — rewritten on every run.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', '${DB_PASSWORD}');
define('DB_HOST', 'localhost:${SOCK}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
require '${WP_HOME}/wp-salts.php';
\$table_prefix = 'wp_';
define('WP_HOME', '${WP_URL}');
define('WP_SITEURL', '${WP_URL}');
// Application Passwords need HTTPS unless the environment type is 'local'.
define('WP_ENVIRONMENT_TYPE', 'local');
// Loopback only: block every outgoing HTTP request except to this site / localhost
// (update checks, pingbacks, oEmbed discovery, Akismet ...).
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('FS_METHOD', 'direct');
${DBG}
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

# mu-plugin: no mail (no MTA here).
cat > "$SITE/wp-content/mu-plugins/wp-up-local.php" <<'PHP'
<?php
/* Plugin Name: wp-up local test tweaks */
add_filter('pre_wp_mail', '__return_true');           // pretend mail was sent (no MTA)
PHP

# router for php -S: real files are served as-is, *.php executed, everything else -> index.php
# (makes pretty permalinks and /wp-json/ work; the built-in server has no mod_rewrite).
cat > "$WP_HOME/router.php" <<'PHP'
<?php
$root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$path = '/' . ltrim((string) parse_url(urldecode($_SERVER['REQUEST_URI']), PHP_URL_PATH), '/');
if (preg_match('#/\.#', $path)) { http_response_code(404); return true; }      // no dotfiles
$file = $root . $path;
if (is_dir($file)) {
    if (substr($path, -1) !== '/') {                                           // /wp-admin -> /wp-admin/
        $qs = $_SERVER['QUERY_STRING'] ?? '';
        header('Location: ' . $path . '/' . ($qs !== '' ? "?$qs" : ''), true, 301); return true;
    }
    if (is_file($file . 'index.php')) { $path .= 'index.php'; $file .= 'index.php'; }
}
if (is_file($file)) {
    if (substr($file, -4) !== '.php') return false;                            // static: let php -S serve it
    $_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = $path;
    $_SERVER['SCRIPT_FILENAME'] = $file;
    chdir(dirname($file));
    require $file;
    return true;
}
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';
PHP

# ---------------------------------------------------------------- 5. install + configure (PHP CLI)
cat > "$WP_HOME/wp-install.php" <<'PHP'
<?php
// php wp-install.php SITE URL — creates tables + admin if not installed; runs DB upgrade if needed.
[$_, $site, $url] = $argv;
$u = parse_url($url);
$_SERVER += ['HTTP_HOST' => $u['host'] . ':' . $u['port'], 'SERVER_NAME' => $u['host'], 'SERVER_PORT' => $u['port'],
             'REQUEST_URI' => '/', 'REQUEST_METHOD' => 'GET', 'SCRIPT_NAME' => '/index.php', 'PHP_SELF' => '/index.php',
             'REMOTE_ADDR' => '127.0.0.1', 'HTTPS' => 'off'];
define('WP_INSTALLING', true);
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (!is_blog_installed()) {
    $r = wp_install('Newsroom Test Site', 'admin', 'admin@example.test', false, '',
                    wp_slash(getenv('ADMIN_PASSWORD')), 'en_US');
    fwrite(STDERR, "WordPress installed (admin user id {$r['user_id']})\n");
} else {
    global $wp_db_version;
    if ((int) get_option('db_version') !== (int) $wp_db_version) { wp_upgrade(); fwrite(STDERR, "DB upgraded\n"); }
}
PHP

cat > "$WP_HOME/wp-configure.php" <<'PHP'
<?php
// php wp-configure.php SITE URL — settings, users, application passwords. Prints shell assignments.
[$_, $site, $url] = $argv;
$u = parse_url($url);
$_SERVER += ['HTTP_HOST' => $u['host'] . ':' . $u['port'], 'SERVER_NAME' => $u['host'], 'SERVER_PORT' => $u['port'],
             'REQUEST_URI' => '/', 'REQUEST_METHOD' => 'GET', 'SCRIPT_NAME' => '/index.php', 'PHP_SELF' => '/index.php',
             'REMOTE_ADDR' => '127.0.0.1', 'HTTPS' => 'off'];
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/user.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

update_option('timezone_string', getenv('WP_TIMEZONE'));
update_option('gmt_offset', '');
update_option('date_format', getenv('WP_DATE_FORMAT'));
update_option('time_format', getenv('WP_TIME_FORMAT'));
update_option('start_of_week', 1);
update_option('blogdescription', 'Local WordPress for sync tests');
update_option('default_pingback_flag', 0);
update_option('default_ping_status', 'closed');
update_option('uploads_use_yearmonth_folders', 1);
global $wp_rewrite;
$wp_rewrite->set_permalink_structure((string) getenv('WP_PERMALINK_STRUCTURE'));
flush_rewrite_rules(false);

// Exactly the plugins asked for (WP_PLUGINS) are active.
$want = preg_split('/\s+/', trim((string) getenv('WP_PLUGINS')), -1, PREG_SPLIT_NO_EMPTY);
$files = [];
foreach ($want as $slug) {
    $found = array_keys(get_plugins("/$slug"));
    $main = in_array("$slug.php", $found, true) ? "$slug.php" : ($found[0] ?? null);
    if ($main === null) { fwrite(STDERR, "plugin $slug: no plugin file in wp-content/plugins/$slug\n"); exit(1); }
    $files[] = "$slug/$main";
}
$stale = array_diff((array) get_option('active_plugins', []), $files);
if ($stale) deactivate_plugins($stale, true);
foreach ($files as $file) {
    if (is_plugin_active($file)) continue;
    $r = activate_plugin($file);
    if (is_wp_error($r)) { fwrite(STDERR, "plugin $file: " . wp_strip_all_tags($r->get_error_message()) . "\n"); exit(1); }
    fwrite(STDERR, "plugin $file activated\n");
}

$q = fn($v) => "'" . str_replace("'", "'\\''", $v) . "'";
$app = 'newsroom-sync-tests';
$users = [ // ENVPREFIX => [login, role]
    'ADMIN' => ['admin', 'administrator'],
    'EDITOR' => ['editor', 'editor'],
    'AUTHOR' => ['author', 'author'],
    'CONTRIBUTOR' => ['contributor', 'contributor'],
];
$out = [];
foreach ($users as $k => [$login, $role]) {
    $pass = getenv("{$k}_PASSWORD");
    $user = get_user_by('login', $login);
    if (!$user) {
        $id = wp_insert_user(['user_login' => $login, 'user_pass' => $pass, 'role' => $role,
                              'user_email' => "$login@example.test", 'display_name' => ucfirst($login) . ' Test',
                              'first_name' => ucfirst($login), 'last_name' => 'Test']);
        if (is_wp_error($id)) { fwrite(STDERR, "user $login: " . $id->get_error_message() . "\n"); exit(1); }
        $user = get_user_by('id', $id);
    } else {
        if (!in_array($role, (array) $user->roles, true)) $user->set_role($role);
        if (!wp_check_password($pass, $user->user_pass, $user->ID)) wp_set_password($pass, $user->ID);
    }
    // Keep the stored application password if it still verifies; otherwise replace ours. Since 6.8 they are
    // stored in a format wp_check_password() cannot verify: WP_Application_Passwords::check_password() can.
    $old = (string) getenv("OLD_{$k}_APP_PASSWORD");
    $keep = false;
    $verifies = fn($plain, $hash) => method_exists('WP_Application_Passwords', 'check_password')
        ? WP_Application_Passwords::check_password($plain, $hash) : wp_check_password($plain, $hash);
    foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
        if ($item['name'] !== $app) continue;
        if (!$keep && $old !== '' && $verifies(preg_replace('/[^a-z\d]/i', '', $old), $item['password'])) { $keep = true; continue; }
        WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
    }
    if ($keep) { $new = $old; }
    else {
        $r = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => $app]);
        if (is_wp_error($r)) { fwrite(STDERR, "app password $login: " . $r->get_error_message() . "\n"); exit(1); }
        $new = $r[0];
    }
    $out[] = "WP_{$k}_USER=" . $q($login);
    $out[] = "WP_{$k}_ID=" . $user->ID;
    $out[] = "WP_{$k}_PASSWORD=" . $q($pass);
    $out[] = "WP_{$k}_APP_PASSWORD=" . $q($new);
}
echo implode("\n", $out), "\n";
if (!wp_is_application_passwords_available()) { fwrite(STDERR, "WARNING: application passwords not available\n"); }
PHP

# php -S must be reachable by the configure step only for loopback checks; start it first.
if pid_is "$PHP_PID_FILE" "-t $SITE" && ! pid_is "$PHP_PID_FILE" "-S $WP_BIND:$WP_PORT -t $SITE"; then
  old="$(cat "$PHP_PID_FILE")"; log "php -S (pid $old) listens on another port; restarting it"
  kill -TERM -- "-$old" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$old" 2>/dev/null || break; sleep 0.2; done
  rm -f "$PHP_PID_FILE"
fi
if pid_is "$PHP_PID_FILE" "-S $WP_BIND:$WP_PORT -t $SITE"; then
  log "php -S already running (pid $(cat "$PHP_PID_FILE"))"
else
  if (exec 3<>"/dev/tcp/$WP_BIND/$WP_PORT") 2>/dev/null; then
    die "port $WP_BIND:$WP_PORT is already in use by another process"
  fi
  log "starting php -S $WP_BIND:$WP_PORT ($WP_PHP_WORKERS workers)"
  PHP_CLI_SERVER_WORKERS="$WP_PHP_WORKERS" daemon bash -c 'echo $$ > "$0"; exec "$@"' "$PHP_PID_FILE" \
    php -d upload_max_filesize="$WP_UPLOAD_MAX" -d post_max_size="$WP_UPLOAD_MAX" -d memory_limit=256M \
        -d display_errors=0 -d log_errors=1 -d error_log="$LOGS/php-errors.log" \
        -S "$WP_BIND:$WP_PORT" -t "$SITE" "$WP_HOME/router.php" \
    < /dev/null > "$LOGS/php-server.log" 2>&1 &
  sleep 0.2
fi

export ADMIN_PASSWORD EDITOR_PASSWORD AUTHOR_PASSWORD CONTRIBUTOR_PASSWORD
export WP_TIMEZONE WP_DATE_FORMAT WP_TIME_FORMAT WP_PERMALINK_STRUCTURE WP_PLUGINS
PHPCLI=(php -d display_errors=stderr -d memory_limit=256M -d error_log="$LOGS/php-errors.log")
"${PHPCLI[@]}" "$WP_HOME/wp-install.php" "$SITE" "$WP_URL" || die "WordPress install failed"

CRED="$WP_HOME/credentials.env"
if [ -s "$CRED" ]; then  # pass the previous app passwords in so they can be kept
  while IFS='=' read -r k v; do
    case "$k" in WP_*_APP_PASSWORD) v="${v#\'}"; export "OLD_${k#WP_}=${v%\'}";; esac
  done < "$CRED"
fi
users_sh="$("${PHPCLI[@]}" "$WP_HOME/wp-configure.php" "$SITE" "$WP_URL")" || die "WordPress configure failed"

if [ -z "$WP_PERMALINK_STRUCTURE" ]; then API="$WP_URL/?rest_route="; else API="$WP_URL/wp-json"; fi
umask 077
{
  echo "# generated by wp-up.sh $(date -u +%FT%TZ) — source this file"
  echo "WP_URL='$WP_URL'"
  echo "# REST base: append a route, e.g. \"\${WP_API}/wp/v2/posts\". With ?rest_route= add params with '&'."
  echo "WP_API='$API'"
  echo "WP_API_QS='$WP_URL/?rest_route='"
  echo "WP_TIMEZONE='$WP_TIMEZONE'"
  echo "WP_VERSION='$WP_SRC_VERSION'"
  echo "WP_PLUGINS='$WP_PLUGINS'"
  echo "$users_sh"
  echo "WP_HOME_DIR='$WP_HOME'"
} > "$CRED"
umask 022

# ---------------------------------------------------------------- 6. wait for the REST API
for _ in $(seq 1 $(( WP_WAIT_SECS * 5 ))); do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$WP_URL/?rest_route=/" || true)"
  [ "$code" = 200 ] && break
  pid_is "$PHP_PID_FILE" "-t $SITE" || { tail -20 "$LOGS/php-server.log" >&2; die "php -S exited"; }
  sleep 0.2
done
[ "$code" = 200 ] || die "REST API did not answer 200 within ${WP_WAIT_SECS}s (last: $code)"
. "$CRED"
curl -sf -o /dev/null -u "$WP_EDITOR_USER:$WP_EDITOR_APP_PASSWORD" "$WP_URL/?rest_route=/wp/v2/users/me" \
  || die "application password check failed for $WP_EDITOR_USER"
log "REST API up; application passwords verified"

cat <<EOF
WordPress $WP_SRC_VERSION is up$([ -n "$WP_PLUGINS" ] && echo " with plugins: $WP_PLUGINS").
  URL:          $WP_URL        (admin: $WP_URL/wp-admin/  user admin / $ADMIN_PASSWORD)
  REST API:     $WP_URL/?rest_route=/wp/v2/posts$([ -n "$WP_PERMALINK_STRUCTURE" ] && echo "   and $WP_URL/wp-json/wp/v2/posts")
  credentials:  $CRED   (source it)
  editor:       $WP_EDITOR_USER / $WP_EDITOR_APP_PASSWORD
  author:       $WP_AUTHOR_USER / $WP_AUTHOR_APP_PASSWORD
  contributor:  $WP_CONTRIBUTOR_USER / $WP_CONTRIBUTOR_APP_PASSWORD
  stop:         npm run portal:down   (or WP_HOME=$WP_HOME $(dirname "$0")/wp-down.sh)
EOF
