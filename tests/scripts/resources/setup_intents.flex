# A setup session owns a setup intent: requires_payment_method until the shopper saves a card,
# then succeeded with that card; create attaches partner_id and metadata to it.
let setup = checkout items [] mode setup
expect setup.setup_intent matches "^fseti_"
let intent = api GET "/v1/setup_intents/${setup.setup_intent}"
print intent.status, intent.usage, intent.payment_method, intent.checkout_session == setup.id
let tagged = api POST "/v1/setup_intents" {setup_intent: {checkout_session: setup.id, partner_id: "partner-9"}}
print tagged.setup_intent_id == intent.setup_intent_id, tagged.partner_id
let saved = pay setup with card "4242 4242 4242 4242"
let done = api GET "/v1/setup_intents/${setup.setup_intent}"
let card = (payment_methods of saved.customer)[0]
print done.status, done.customer == saved.customer, done.payment_method == card.payment_method_id
let thermo = product "Thermometer" eligible price $24.99
let other = checkout items [thermo]
print other.setup_intent
expect error setup_intent_not_applicable: api POST "/v1/setup_intents" {setup_intent: {checkout_session: other.id}}
expect error invalid_request: api POST "/v1/setup_intents" {setup_intent: {partner_id: "partner-9"}}
expect error setup_intent_not_found: api GET "/v1/setup_intents/fseti_01KDX00000000000000000000A"
# expect: requires_payment_method off_session null true
# expect: true partner-9
# expect: succeeded true true
# expect: null
