#!/usr/bin/env bash
# wp-smoke.sh — check the REST behaviours a newsroom sync client relies on, against the site that
# wp-up.sh started (reads $WP_HOME/credentials.env). Creates posts/media/terms on that site.
# Prints one line per check and a final "N passed, N failed"; exit 1 if any failed.
set -uo pipefail
# Default state dir: the repository's .tmp/wordpress (git-ignored); falls back to /tmp if the
# path would make the MariaDB socket path too long.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
if [ -z "${WP_HOME:-}" ]; then
  WP_HOME="$REPO_ROOT/.tmp/wordpress"
  # MariaDB's socket path must stay under ~100 bytes: deep checkouts use /tmp instead.
  [ ${#WP_HOME} -le 70 ] || WP_HOME="/tmp/redaksi-wordpress-$(id -u)"
fi
# shellcheck disable=SC1091
. "$WP_HOME/credentials.env" || { echo "no $WP_HOME/credentials.env: run wp-up.sh first"; exit 1; }
A="$WP_URL/?rest_route="            # works for plain and pretty permalinks; add params with '&'
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok()  { pass=$((pass+1)); echo "ok   - $*"; }
bad() { fail=$((fail+1)); echo "FAIL - $*"; }
check() { local name="$1"; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# req USER_PREFIX METHOD ROUTE [curl args...]  -> body in $TMP/b, status in $CODE
req() {
  local who="$1" m="$2" route="$3"; shift 3; local auth=()
  if [ "$who" != ANON ]; then local u="WP_${who}_USER" p="WP_${who}_APP_PASSWORD"; auth=(-u "${!u}:${!p}"); fi
  CODE="$(curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' -X "$m" "${auth[@]}" "$@" "$A$route")"
}
json() { curl_json_path="$1" php -r '$j=json_decode(file_get_contents($argv[1]),true); $v=$j;
  foreach(explode(".",getenv("curl_json_path")) as $p){ if($p==="") continue; $v=is_array($v)&&array_key_exists($p,$v)?$v[$p]:null; }
  echo is_scalar($v)?(is_bool($v)?($v?"true":"false"):$v):json_encode($v);' "$TMP/b"; }
J='Content-Type: application/json'

# (a) contributor: pending yes, publish no
req CONTRIBUTOR POST /wp/v2/posts -H "$J" -d '{"title":"Smoke pending","content":"<p>x</p>","status":"pending"}'
check "a contributor creates pending post (201, status=pending)" [ "$CODE/$(json status)" = 201/pending ]
PENDING_ID="$(json id)"
req CONTRIBUTOR POST /wp/v2/posts -H "$J" -d '{"title":"Smoke publish","status":"publish"}'
check "a contributor cannot publish (403 rest_cannot_publish)" [ "$CODE/$(json code)" = 403/rest_cannot_publish ]

# (b) author: upload JPEG + featured_media
php -r '$i=imagecreatetruecolor(320,200); imagefill($i,0,0,imagecolorallocate($i,20,90,160)); imagejpeg($i,$argv[1],80);' "$TMP/p.jpg"
req AUTHOR POST /wp/v2/media -H 'Content-Type: image/jpeg' -H 'Content-Disposition: attachment; filename="smoke photo.jpg"' --data-binary "@$TMP/p.jpg"
check "b author uploads JPEG (201, mime_type=image/jpeg)" [ "$CODE/$(json mime_type)" = 201/image/jpeg ]
MEDIA_ID="$(json id)"; SRC="$(json source_url)"
check "b uploaded file is served (GET source_url 200)" [ "$(curl -s -o /dev/null -w '%{http_code}' "$SRC")" = 200 ]
req AUTHOR POST /wp/v2/media -H 'Content-Type: image/jpeg' --data-binary "@$TMP/p.jpg"
check "b upload without Content-Disposition -> 400 rest_upload_no_content_disposition" [ "$CODE/$(json code)" = 400/rest_upload_no_content_disposition ]
req AUTHOR POST /wp/v2/posts -H "$J" -d "{\"title\":\"Smoke featured\",\"status\":\"draft\",\"featured_media\":$MEDIA_ID}"
check "b author sets featured_media" [ "$CODE/$(json featured_media)" = "201/$MEDIA_ID" ]

# (c) editor: pending -> future with a site-local (WITA) date; date_gmt must be 8 h earlier
D="$(TZ="$WP_TIMEZONE" date -d 'tomorrow' +%F)T09:00:00"
req EDITOR POST "/wp/v2/posts/$PENDING_ID" -H "$J" -d "{\"status\":\"future\",\"date\":\"$D\"}"
GMT_EXPECT="$(date -u -d "TZ=\"$WP_TIMEZONE\" ${D/T/ }" +%FT%T)"   # GNU date: local WITA -> UTC
check "c editor schedules: status=future date=$D date_gmt=$GMT_EXPECT" \
  [ "$CODE/$(json status)/$(json date)/$(json date_gmt)" = "200/future/$D/$GMT_EXPECT" ]

# (d) editor publishes (clearing the future date by sending date=now)
NOW="$(TZ="$WP_TIMEZONE" date +%FT%T)"
req EDITOR POST "/wp/v2/posts/$PENDING_ID" -H "$J" -d "{\"status\":\"publish\",\"date\":\"$NOW\"}"
check "d editor publishes (status=publish)" [ "$CODE/$(json status)" = 200/publish ]

# (e) list pending with context=edit
req CONTRIBUTOR POST /wp/v2/posts -H "$J" -d '{"title":"Smoke pending 2","status":"pending"}'
P2="$(json id)"
req EDITOR GET "/wp/v2/posts&status=pending&context=edit&per_page=100"
check "e editor lists status=pending&context=edit (contains $P2, has title.raw, X-WP-Total)" \
  bash -c "[ $CODE = 200 ] && grep -q '\"id\":$P2,' '$TMP/b' && grep -q '\"raw\":\"Smoke pending 2\"' '$TMP/b' && grep -qi '^x-wp-total:' '$TMP/h'"
req ANON GET "/wp/v2/posts&status=pending"
check "e anonymous status=pending -> 400 rest_invalid_param" [ "$CODE/$(json code)" = 400/rest_invalid_param ]

# (f) wrong password
WP_BAD_USER="$WP_EDITOR_USER" WP_BAD_APP_PASSWORD="xxxx xxxx xxxx xxxx xxxx xxxx" req BAD GET /wp/v2/users/me
C="$(json code)"
check "f wrong app password -> 401 ($C)" bash -c "[ $CODE = 401 ] && [[ '$C' =~ ^(rest_not_logged_in|incorrect_password)$ ]]"
req ANON POST /wp/v2/posts -H "$J" -d '{"title":"anon"}'
check "f unauthenticated create -> 401 rest_cannot_create" [ "$CODE/$(json code)" = 401/rest_cannot_create ]

# (g) conditional requests are ignored: stale If-Unmodified-Since still updates
req EDITOR POST "/wp/v2/posts/$PENDING_ID" -H "$J" -H 'If-Unmodified-Since: Mon, 01 Jan 2001 00:00:00 GMT' -H 'If-Match: "stale"' -d '{"title":"Smoke edited"}'
check "g If-Unmodified-Since/If-Match ignored (200, no ETag/Last-Modified)" \
  bash -c "[ $CODE = 200 ] && ! grep -qiE '^(etag|last-modified):' '$TMP/h'"
check "g modified_gmt is second-resolution UTC without zone ($(json modified_gmt))" \
  bash -c "[[ '$(json modified_gmt)' =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$ ]]"

# (h) categories and tags
SLUG="smoke-$RANDOM$RANDOM"
req EDITOR POST /wp/v2/categories -H "$J" -d "{\"name\":\"$SLUG\"}"
check "h editor creates category (201)" [ "$CODE" = 201 ]
CAT="$(json id)"
req EDITOR POST /wp/v2/categories -H "$J" -d "{\"name\":\"$SLUG\"}"
check "h duplicate category -> 400 term_exists (data.term_id=$CAT)" [ "$CODE/$(json code)/$(json data.term_id)" = "400/term_exists/$CAT" ]
req AUTHOR POST /wp/v2/categories -H "$J" -d '{"name":"author-cat-smoke"}'
check "h author cannot create category (403)" [ "$CODE" = 403 ]
req AUTHOR POST /wp/v2/tags -H "$J" -d "{\"name\":\"tag-$SLUG\"}"
check "h author creates tag (201)" [ "$CODE" = 201 ]
TAG="$(json id)"
req EDITOR POST "/wp/v2/posts/$P2" -H "$J" -d "{\"categories\":[$CAT],\"tags\":[$TAG]}"
check "h assign categories/tags by id" [ "$CODE/$(json categories)/$(json tags)" = "200/[$CAT]/[$TAG]" ]
req ANON GET "/wp/v2/categories&per_page=100&hide_empty=false"
check "h list categories contains new one" bash -c "[ $CODE = 200 ] && grep -q '\"id\":$CAT,' '$TMP/b'"

# (i) revisions
req EDITOR POST "/wp/v2/posts/$P2" -H "$J" -d '{"content":"<p>second version</p>"}'
req EDITOR GET "/wp/v2/posts/$P2/revisions"
N="$(php -r 'echo count(json_decode(file_get_contents($argv[1]),true));' "$TMP/b")"
check "i revisions list (200, $N entries, parent=$P2)" bash -c "[ $CODE = 200 ] && [ $N -ge 1 ] && [ '$(json 0.parent)' = $P2 ]"
req ANON GET "/wp/v2/posts/$P2/revisions"
check "i anonymous revisions -> 401" [ "$CODE" = 401 ]

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
