#!/usr/bin/env -S flex run
# Payment links: one URL a shop shares (on a flyer, in an e-mail) that sells the same cart to
# anyone who opens it. Each visit makes a new checkout session with the link's cart; the link
# stays usable until you turn it off.

let kit = product "First aid kit" eligible price $34.00
let link = payment_link create items [kit x1] label "Flyer: first aid kit"
print "${link.label}: active ${link.active}"

# A shopper opens the link: the simulator makes the session the hosted page would show.
let s = payment_link visit link email "ada@example.com" client_reference_id "flyer-1"
print "visit made a session for ${dollars(s.amount_total)}, order ${s.client_reference_id}"

# They pay it with an FSA card, like any other session.
let paid = pay s with card "4242 4242 4242 4242" fsa
print "paid: ${paid.status}"

# A second shopper opens it too; each visit is a session of its own.
let again = payment_link visit link
print "a new session: ${again.id != s.id}"

# The campaign ends: relabel the link, then turn it off. A visit now fails.
payment_link update link label "Flyer (ended)"
let off = payment_link update link active false
print "${off.label}: active ${off.active}"
expect error payment_link_inactive: payment_link visit link
print "active links: ${len(payment_links active true)}"
# expect: Flyer: first aid kit: active true
# expect: visit made a session for $34.00, order flyer-1
# expect: paid: complete
# expect: a new session: true
# expect: Flyer (ended): active false
# expect: active links: 0
