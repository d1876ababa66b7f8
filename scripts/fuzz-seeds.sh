#!/bin/sh
# Builds the fuzz seed corpora in fuzz/corpus/<target>/ from examples/, fixtures/scripts/,
# fixtures/diagnostics/ and fixtures/malformed/ (scripts), and from hand-written requests and bodies.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus"
mkdir -p "$corpus/language" "$corpus/fmt" "$corpus/interpreter" "$corpus/simulator" "$corpus/json" "$corpus/regex"

# Scripts: every .flex file under the example and test trees seeds the language, fmt and interpreter
# targets (named by a checksum so rerunning does not duplicate them).
find "$root/examples" "$root/fixtures/scripts" "$root/fixtures/diagnostics" "$root/fixtures/malformed" \
    -name '*.flex' -type f 2>/dev/null | while read -r file; do
    name=$(cksum < "$file" | cut -d' ' -f1)
    cp "$file" "$corpus/language/seed-$name"
    cp "$file" "$corpus/fmt/seed-$name"
    cp "$file" "$corpus/interpreter/seed-$name"
done

# Builtins on large and shared values (the limits must fail fast, never hang): doubling, text of
# a hugely shared value, appends in place, comparisons of shared values.
interp="$corpus/interpreter"
printf 'let x = [1]\nrepeat 40 { x = [x, x] }\nprint len(json(x)), len(string(x))\nexpect x == x\n' > "$interp/hostile-doubling"
printf 'let l = range(100000)\nprint len(json([l, l, l, l, l, l, l, l, l, l]))\nprint sum(l), "${[l, l]}"\n' > "$interp/hostile-json"
printf 'let s = "a"\nrepeat 20 { s = s + s }\nexpect not (s matches "^(a|aa)+$")\nlet x = [0]\nx = x + range(100000)\nprint len(x)\n' > "$interp/hostile-matches"
printf 'let l = []\nlet s = ""\nfor i in range(500) { l = l + [i, {a: [i]}]\n s = s + "${i}," }\nlet m = l\nl = l + l\nexpect m != l\nprint len(l), len(s)\n' > "$interp/hostile-appends"
# The same on the paths that poll the run's interruption (the fuzz target raises it after 100 ms):
# show, contains/in on lists and strings, len of long strings, record patterns, filter/find,
# and a shared value as a request body.
printf 'let x = [1]\nrepeat 30 { x = [x, x] }\nlet y = [1]\nrepeat 30 { y = [y, y] }\nprint x == y, x in [y], {a: x} matches {a: y}\nshow x\n' > "$interp/hostile-compare"
printf 'let s = "ab"\nrepeat 24 { s = s + s }\nlet p = s + "c"\nprint len(s), s contains p, "ba" in s, len("${s}${s}")\nshow [s, s, s]\n' > "$interp/hostile-text"
printf 'def odd(n) { return n - n / 2 * 2 == 1 }\nlet l = range(1000000)\nprint len(filter(l, odd)), find(l, odd), sum(l), -1 in l\nshow {a: l, b: {c: l}}\n' > "$interp/hostile-builtins"
printf 'let r = {k: "v"}\nrepeat 40 { r = {a: r, b: r} }\nlet c = customer create email "a@b.co" metadata r\nshow r\nprint string(values(r))\n' > "$interp/hostile-records"

# Simulator requests: NUL-separated; the first byte modulo 5 picks GET, POST, PATCH, PUT, DELETE
# (\001 POST, \002 PATCH, \005 GET), then the path, a newline, the JSON body.
# `$0` is the ID the first response returned.
sim="$corpus/simulator"
{ printf '\001/v1/customers\n{"customer":{"email":"a@b.co","name":"A"}}'; } > "$sim/customer-create"
{ printf '\001/v1/products\n{"product":{"name":"Socks","hsa_fsa_eligibility":"auto_substantiation"}}\000'
  printf '\001/v1/prices\n{"price":{"product":"$0","unit_amount":2499}}\000'
  printf '\001/v1/checkout/sessions\n{"checkout_session":{"line_items":[{"price":"$1","quantity":2}],"success_url":"https://x.co","mode":"payment"}}\000'
  printf '\001/_sim/checkout/sessions/$2/pay\n{"payment":{"card":"4242424242424242","card_kind":"hsa"}}\000'
  printf '\005/v1/checkout/sessions/$2\n\000'
  printf '\001/v1/refunds\n{"refund":{"payment_intent":"$3","amount":100}}'; } > "$sim/checkout-pay-refund"
{ printf '\005/v1/customers?limit=2&starting_after=x\n'; } > "$sim/customer-list"
{ printf '\005/_sim/clock\n\000\001/_sim/clock/advance\n{"clock":{"seconds":3600}}\000\001/_sim/clock/set\n{"clock":{"now":"2026-02-01T00:00:00Z"}}'; } > "$sim/clock"
{ printf '\001/_sim/faults\n{"fault":{"kind":"request","count":2,"status":500}}\000\005/v1/customers\n'; } > "$sim/faults"
{ printf '\001/_sim/snapshots\n{"snapshot":{"name":"a"}}\000\001/_sim/snapshots/a/restore\n\000\001/_sim/reset\n\000\001/_sim/seed\n{"sim":{"seed":7}}'; } > "$sim/snapshots"
{ printf '\005/_sim/events?type=customer.created\n'; } > "$sim/events"
{ printf '\002/v1/customers/$0\n{"customer":{"name":"B"}}'; } > "$sim/customer-update"
{ printf '\001/v1/payment_intents\n{"payment_intent":{"amount":1000,"customer":"x","payment_method":"y","off_session":true,"confirm":true}}'; } > "$sim/payment-intent"
# Inline prices, disputes, the events API, customer deletion, promo codes at payment.
{ printf '\001/v1/products\n{"product":{"name":"Socks","hsa_fsa_eligibility":"auto_substantiation"}}\000'
  printf '\001/v1/checkout/sessions\n{"checkout_session":{"success_url":"https://x.co","line_items":[{"price_data":{"product":"$0","unit_amount":2000},"quantity":1}]}}\000'
  printf '\001/_sim/checkout/sessions/$1/pay\n{"payment":{"card":"4242424242424242","card_kind":"hsa"}}\000'
  printf '\001/_sim/checkout/sessions/$1/dispute\n{"dispute":{"amount":500,"reason":"general"}}\000'
  printf '\001/v1/disputes/$3\n{"dispute":{"evidence":{"uncategorized_text":"winning_evidence"}}}\000'
  printf '\001/v1/disputes/$3/close\n\000'
  printf '\005/v1/events?limit=3\n'; } > "$sim/price-data-dispute-events"
{ printf '\001/v1/customers\n{"customer":{"email":"a@b.co"}}\000\004/v1/customers/$0\n\000\005/v1/customers/$0\n'; } > "$sim/customer-delete"
{ printf '\001/v1/coupons\n{"coupon":{"name":"c","amount_off":100,"duration":"once"}}\000'
  printf '\001/v1/promo_codes\n{"promo_code":{"coupon_id":"$0","code":"SPRING"}}\000'
  printf '\001/v1/products\n{"product":{"name":"Socks","hsa_fsa_eligibility":"auto_substantiation"}}\000'
  printf '\001/v1/prices\n{"price":{"product":"$2","unit_amount":2499}}\000'
  printf '\001/v1/checkout/sessions\n{"checkout_session":{"allow_promotion_codes":true,"success_url":"https://x.co","line_items":[{"price":"$3","quantity":1}]}}\000'
  printf '\001/_sim/checkout/sessions/$4/pay\n{"payment":{"card":"4242424242424242","card_kind":"hsa","promo_code":"spring"}}'; } > "$sim/promo-at-payment"

# JSON response bodies.
json="$corpus/json"
printf '{"customer":{"customer_id":"fcus_01","email":"a@b.co","metadata":{},"test_mode":true}}' > "$json/object"
printf '[1,-2,3.5,1e10,-0.0,true,false,null,"\\u00e9\\ud83d\\ude00\\n"]' > "$json/array"
printf '{"error":{"code":"not_found","message":"no such customer"}}' > "$json/error"
printf '  {"a" : [ {"b" : [ [] , {} ] } ] }  ' > "$json/nested"
# Patterns and subjects (pattern, NUL, subject): the syntax test scripts use, the cases that are
# exponential for a backtracking engine, and the refused features.
regex="$corpus/regex"
printf '^fcs_[0-9A-Z]{26}$\000fcs_01JABCDEFGHJKMNPQRSTVWXY' > "$regex/id"
printf '^(a+)+$\000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' > "$regex/nested-plus"
printf '(?i)^[a-z0-9._%%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$\000Pat.O+1@example.com' > "$regex/email"
printf '\\bcat\\b|(?:x{2,5}?y)*|[^\\d\\s]\\w\\W\000a cat xxy' > "$regex/mixed"
printf '(a)\\1(?=b)(?<!c)a*+\000aab' > "$regex/refused"
printf '\\Qa.b\\E\\x41\\u{e9}[[:alpha:]]\\Z\000a.bAéz\n' > "$regex/escapes"
echo "seed corpora in $corpus: language $(ls "$corpus/language" | wc -l), simulator $(ls "$sim" | wc -l), json $(ls "$json" | wc -l), regex $(ls "$regex" | wc -l)"
