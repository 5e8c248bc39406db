#!/usr/bin/env bash
# Walks one new order through its whole lifecycle against a running platform, through the REST APIs only:
# post it as the brand, read the consumer link from the brand's order view, book an offered window as the consumer,
# accept the offer as the provider admin, move to the installation day, report progress with the consumer's
# completion code, rate, and finish the return visit (回访). It prints each step and ends with the order CLOSED.
#
#   ./mvnw -q -DskipTests package && java -jar platform/target/platform-0.1.0-SNAPSHOT.jar --spring.profiles.active=embedded
#   scripts/demo-walk.sh                      # in a second terminal, once the app prints its URLs
#
# Needs bash, curl and jq. The defaults are the embedded profile's demo credentials; override them (and BASE_URL)
# through the environment. The platform's DemoWalkTests runs this very script against a test app.
#
# Two timers are fired through Camunda's REST API (admin only); in Cockpit the same is setting the job's due date to
# now (Processes → service-order → the instance → Jobs): the installation-day timer, because a window is
# tomorrow at the earliest and the timer is due at 00:00 of the booked day; and the return-visit timer (3 minutes
# after completion in the embedded profile, 7 days in production). Set WAIT_FOR_RETURN_VISIT=yes to wait for the
# latter instead of firing it.
set -euo pipefail

BASE_URL=${BASE_URL:-http://localhost:8080}
BRAND_KEY=${BRAND_KEY:-sk_demomulan_mulandemosecret0001}        # demo brand "mulan"
REGION=${REGION:-330106}                                        # Xihu district, Hangzhou: the Xihu dealer covers it
PROVIDER_USER=${PROVIDER_USER:-xihu-dealer}
PROVIDER_PASSWORD=${PROVIDER_PASSWORD:-shifu-provider}
ADMIN_USER=${ADMIN_USER:-admin}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-shifu-admin}
DISPATCHER_USER=${DISPATCHER_USER:-dispatcher}
DISPATCHER_PASSWORD=${DISPATCHER_PASSWORD:-shifu-dispatch}
WAIT_FOR_RETURN_VISIT=${WAIT_FOR_RETURN_VISIT:-no}
ENGINE=${ENGINE:-default}                                       # Camunda's process engine name
POLL_SECONDS=${POLL_SECONDS:-120}                               # longest wait for any one step
EXTERNAL_ID=${EXTERNAL_ID:-WALK-$(date +%s)-$RANDOM}

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

# call METHOD PATH [JSON] with the credentials in AUTH (array of curl options); prints the body, fails on >= 400.
call() {
  local method=$1 path=$2 body=${3:-} out status
  out=$(mktemp)
  if [[ -n $body ]]; then
    status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "${AUTH[@]}" -H 'Content-Type: application/json' \
      --data "$body" "$BASE_URL$path")
  else
    status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "${AUTH[@]}" "$BASE_URL$path")
  fi
  if (( status >= 400 )); then
    cat "$out" >&2; rm -f "$out"; fail "$method $path answered $status"
  fi
  cat "$out"; rm -f "$out"
}
as_brand()      { AUTH=(-H "X-Api-Key: $BRAND_KEY"); call "$@"; }
as_provider()   { AUTH=(-u "$PROVIDER_USER:$PROVIDER_PASSWORD"); call "$@"; }
as_admin()      { AUTH=(-u "$ADMIN_USER:$ADMIN_PASSWORD"); call "$@"; }
as_dispatcher() { AUTH=(-u "$DISPATCHER_USER:$DISPATCHER_PASSWORD"); call "$@"; }
as_consumer()   { AUTH=(); call "$@"; }

status_of() { as_brand GET "/api/v1/orders/$ORDER_ID" | jq -r .status; }

# await_status STATUS...: polls the brand's view until the order has one of them (the process moves on in the
# background: each step answers at once and the status follows).
await_status() {
  local deadline=$((SECONDS + POLL_SECONDS)) now
  while :; do
    now=$(status_of)
    for wanted in "$@"; do [[ $now == "$wanted" ]] && { echo "status: $now"; return 0; }; done
    (( SECONDS < deadline )) || fail "order $ORDER_ID is $now, expected $*"
    sleep 1
  done
}

# fire_timer ACTIVITY: runs the order's timer job now, as "Execute" in Cockpit does.
fire_timer() {
  local deadline=$((SECONDS + POLL_SECONDS)) job
  while :; do
    job=$(as_admin GET "/engine-rest/engine/$ENGINE/job?processInstanceId=$INSTANCE&activityId=$1&timers=true" | jq -r '.[0].id // empty')
    [[ -n $job ]] && break
    (( SECONDS < deadline )) || fail "no timer $1 on order $ORDER_ID"
    sleep 1
  done
  as_admin POST "/engine-rest/engine/$ENGINE/job/$job/execute" > /dev/null
  echo "fired $1 (job $job)"
}

step "1. The brand posts an order (region $REGION, goods already at the consumer's)"
ORDER=$(as_brand POST /api/v1/orders "$(jq -n --arg id "$EXTERNAL_ID" --arg region "$REGION" '{
  externalOrderId: $id,
  consumer: {name: "李娜", phone: "13812345678", address: "杭州市西湖区文三路 90 号", regionCode: $region,
             location: {lat: 30.2765, lng: 120.1229}},
  items: [{sku: "DR-800-WAL", name: "Walnut door", category: "DOOR", quantity: 1, serialNumberRequired: false}],
  serviceType: "INSTALLATION", memberTier: "GOLD", goods: {status: "ARRIVED"}}')")
ORDER_ID=$(jq -r .id <<<"$ORDER")
echo "ORDER_ID=$ORDER_ID ($EXTERNAL_ID)"
await_status AWAITING_BOOKING

step "2. The brand reads the consumer's link from its order (it may send it through its own channels)"
LINK=$(as_brand GET "/api/v1/orders/$ORDER_ID" | jq -r '.consumerLink // empty')
[[ -n $LINK ]] || fail "the brand's order view has no consumerLink"
TOKEN=${LINK##*/c/}
echo "consumer link: $LINK (a page for the consumer; the API below uses its token)"

step "3. The consumer books a window an installer really has room for: the first one offered"
ZONE=$(as_brand GET /api/v1/catalog/regions | jq -r --arg r "$REGION" '.[] | select(.code == $r) | .zoneId')
WINDOWS=$(as_consumer GET "/api/v1/consumer/$TOKEN/windows")
jq -c '{memberTier, zoneId, offered: (.windows | length), reason}' <<<"$WINDOWS"
WINDOW=$(jq -c '.windows[0] // empty' <<<"$WINDOWS")
[[ -n $WINDOW ]] || fail "no window offered for order $ORDER_ID: $(jq -r .reason <<<"$WINDOWS")"
DAY=$(jq -r .date <<<"$WINDOW")
as_consumer POST "/api/v1/consumer/$TOKEN/appointment" "$(jq -c '{date, window}' <<<"$WINDOW")" \
  | jq -c '{date, window, start, "end": .end}'
await_status DISPATCHING ASSIGNED SCHEDULED

step "4. The provider admin ($PROVIDER_USER) accepts the offer (it expires after the offer-expiry timer)"
deadline=$((SECONDS + POLL_SECONDS))
while :; do
  OFFER=$(as_provider GET "/api/v1/offers?orderId=$ORDER_ID" | jq -c '[.[] | select(.status == "OFFERED")][0] // empty')
  [[ -n $OFFER ]] && break
  (( SECONDS < deadline )) || fail "no offer for order $ORDER_ID reached $PROVIDER_USER"
  sleep 1
done
PROVIDER_ID=$(jq -r .providerId <<<"$OFFER")
as_provider POST "/api/v1/offers/$(jq -r .id <<<"$OFFER")/accept" | jq -c '{id, status, providerId}'
await_status SCHEDULED

step "5. The dispatcher's plan for $DAY (region ${REGION:0:4}00)"
as_dispatcher GET "/api/v1/schedules?region=${REGION:0:4}00&date=$DAY" \
  | jq -c --arg job "$ORDER_ID" '{score, feasible, visitsOfThisOrder: [.. | objects | select((.jobId? // "") | tostring | contains($job))] | length}' \
  || echo "(no plan yet)"

step "6. The installation day: fire the installation-day timer (due at 00:00 of $DAY in $ZONE)"
# LEAD: once today's plan and same-day bookings exist (sched), the walk can book today and wait for the timer.
INSTANCE=$(as_admin GET "/engine-rest/engine/$ENGINE/process-instance?businessKey=$ORDER_ID" | jq -r '.[0].id')
fire_timer InstallationDayTimer
await_status IN_SERVICE

step "7. The installer reports progress; completion needs the consumer's code (核销), shown on the consumer link"
# LEAD: switch to the installer mobile API when it exists; until then the provider admin reports for the installer.
for event in EN_ROUTE ARRIVED STARTED; do
  as_provider POST "/api/v1/providers/$PROVIDER_ID/jobs/$ORDER_ID/events" "{\"type\":\"$event\"}" > /dev/null
  await_status "$event"
done
CODE=$(as_consumer GET "/api/v1/consumer/$TOKEN" | jq -r .verificationCode)
as_provider POST "/api/v1/providers/$PROVIDER_ID/jobs/$ORDER_ID/events" \
  "{\"type\":\"COMPLETED\",\"verificationCode\":\"$CODE\"}" > /dev/null
await_status COMPLETED

step "8. The consumer rates the job (the rating timer closes the rating after its timeout)"
as_consumer POST "/api/v1/consumer/$TOKEN/rating" '{"stars":5,"tags":["punctual"],"comment":"安装很专业"}' | jq -c '{stars}'
await_status RATED

step "9. Customer service's return visit (回访)"
if [[ $WAIT_FOR_RETURN_VISIT == yes ]]; then
  echo "waiting for the return-visit timer"
else
  fire_timer ReturnVisitDueTimer
fi
# LEAD: use the staff task API as customer service (user "service") once it exists; until then Camunda's REST API
# as admin completes the same Tasklist task.
deadline=$((SECONDS + POLL_SECONDS))
while :; do
  TASK=$(as_admin GET "/engine-rest/engine/$ENGINE/task?processInstanceBusinessKey=$ORDER_ID&taskDefinitionKey=ReturnVisitTask" | jq -r '.[0].id // empty')
  [[ -n $TASK ]] && break
  (( SECONDS < deadline )) || fail "no return-visit task for order $ORDER_ID"
  sleep 1
done
as_admin POST "/engine-rest/engine/$ENGINE/task/$TASK/complete" \
  '{"variables":{"returnVisitOutcome":{"value":"SATISFIED","type":"String"},"returnVisitNote":{"value":"满意","type":"String"}}}' > /dev/null
await_status CLOSED

step "Done: order $ORDER_ID walked from intake to CLOSED"
as_brand GET "/api/v1/orders/$ORDER_ID" | jq -r '.history[] | "\(.sequence)\t\(.to)\t\(.reason // "")"'
echo "WALK_RESULT=CLOSED ORDER_ID=$ORDER_ID"
