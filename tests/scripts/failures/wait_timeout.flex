# wait until gives up after its timeout with a runtime error.
wait until false every 1s timeout 2s
# expect error: 2:12: timed out after 2s waiting until false
# expect exit: 3
