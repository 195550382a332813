# Varnish in front of the newsroom app (docker-compose.yml; `npm run bench -- --cache`).
# The app says what may be cached (Cache-Control: s-maxage + stale-while-revalidate on
# reader pages, private/no-store elsewhere) and what each response shows (Surrogate-Key,
# the app's cache-tag names). On every content change the app sends (CACHE_PURGE_URL)
#   PURGE /  with headers  xkey-purge: <keys…>  and/or  xkey-softpurge: <keys…>
# and this VCL drops every object carrying a key of the first (an article's own page), and
# marks stale every object carrying one of the second (pages listing articles): those are
# served for at most 5 s more while a fresh copy is fetched (see vcl_recv).
vcl 4.1;

import directors;
import std;
import xkey;

# The benchmark rewrites this block to point at its own origin (and repeats it, as app2, app3…,
# for each further instance). More app instances: one backend block each, added to the
# director in vcl_init.
backend app {
  .host = "app";
  .port = "3000";
  .connect_timeout = 2s;
  .first_byte_timeout = 60s;
  # Tolerant of a busy instance: a probe answered within 5 s counts, and 6 of the last 8 must
  # fail before the instance is taken out. A stricter probe marked both instances sick while
  # the soak kept them at full load, and Varnish then answered every miss with 503.
  .probe = {
    .url = "/robots.txt";
    .interval = 5s;
    .timeout = 5s;
    .window = 8;
    .threshold = 3;
  }
}

# Who may purge: the app, on loopback or the private network docker-compose runs on.
acl purgers {
  "127.0.0.1";
  "::1";
  "10.0.0.0"/8;
  "172.16.0.0"/12;
  "192.168.0.0"/16;
}

# Requests spread over the app instances in turn; an instance whose probe fails is skipped.
sub vcl_init {
  new instances = directors.round_robin();
  instances.add_backend(app);
}

sub vcl_recv {
  set req.backend_hint = instances.backend();
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge && !req.http.xkey-softpurge) {
      return (synth(400, "xkey-purge or xkey-softpurge header required"));
    }
    set req.http.x-purged = 0;
    set req.http.x-softpurged = 0;
    if (req.http.xkey-purge) {
      set req.http.x-purged = xkey.purge(req.http.xkey-purge);
    }
    if (req.http.xkey-softpurge) {
      set req.http.x-softpurged = xkey.softpurge(req.http.xkey-softpurge);
    }
    return (synth(200, "Purged " + req.http.x-purged + ", soft-purged " + req.http.x-softpurged));
  }
  # A stale copy (past its s-maxage, or soft-purged) is served while a fresh one is fetched
  # only in the 5 s after it went stale, so a change reaches every reader within 5 s plus one
  # render; later readers wait for the fetch. With the origin down, any stale copy is served.
  if (std.healthy(req.backend_hint)) {
    set req.grace = 5s;
  }
  # The app's largest request body (src/security/bodyLimits.ts LARGEST_BODY_LIMIT: a photo at the
  # upload limit and its form). Refused from Content-Length alone, before Varnish reads the body
  # into its own buffers; the app refuses smaller bodies per route, and chunked ones with 411.
  if (std.integer(req.http.Content-Length, 0) > 22020096) {
    return (synth(413, "Request body too large"));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # The admin, the API (sessions, drafts, uploads) and previews are never cached.
  if (req.url ~ "^/(admin|api|preview)(/|\?|$)") {
    return (pass);
  }
  # Signed-in staff (and Next.js draft mode) see the origin directly.
  if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(payload-token|__prerender_bypass|__next_preview_data)=") {
    return (pass);
  }
  # Reader pages do not depend on cookies; dropping them lets every reader share one copy.
  unset req.http.Cookie;
  return (hash);
}

sub vcl_synth {
  if (resp.status == 413) {
    set resp.http.Content-Type = "application/json; charset=utf-8";
    set resp.http.Cache-Control = "no-store";
    set resp.http.Connection = "close";
    synthetic("""{"errors":[{"message":"请求体过大：最多接受 21 MB（request body too large）"}]}""");
    return (deliver);
  }
}

sub vcl_hash {
  # The app sends Strict-Transport-Security only to requests the TLS proxy in front marks
  # X-Forwarded-Proto: https, so each scheme keeps its own copy; the built-in vcl_hash then
  # adds the URL and host as usual.
  hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
  # A busy origin answers 503 (its admission queue, scripts/admission.mjs). A background refresh
  # that fails keeps serving the stale copy, and a failed fetch is not remembered as
  # "uncacheable" below, which would send every request for a popular page to the busy origin.
  if (beresp.status >= 500) {
    if (bereq.is_bgfetch) {
      return (abandon);
    }
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    return (deliver);
  }
  # Surrogate-Key is the app's (and Fastly's) name; xkey indexes objects by this header.
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
  }
  if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)" || beresp.http.Cache-Control !~ "s-maxage|max-age") {
    # Remember for a while that this URL is not cacheable, so requests for it are not queued.
    set beresp.uncacheable = true;
    set beresp.ttl = 30s;
    return (deliver);
  }
  # An article page's previous/next installment and related links change with other articles,
  # which its surrogate key does not name: the tier asks the origin again after 5 minutes, and
  # the origin answers from its own cache, which those changes do expire.
  if (bereq.url ~ "^/articles/" && beresp.ttl > 300s) {
    set beresp.ttl = 300s;
  }
  # TTL comes from s-maxage and grace from stale-while-revalidate: after the TTL (or a soft
  # purge) a reader gets the stale copy at once while Varnish fetches a fresh one, within the
  # limit vcl_recv sets.
  return (deliver);
}

sub vcl_deliver {
  unset resp.http.xkey;
  unset resp.http.Surrogate-Key;
  unset resp.http.Via;
  unset resp.http.X-Varnish;
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}
