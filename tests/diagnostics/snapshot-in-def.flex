# snapshots are not allowed inside functions
def check(v) {
  expect snapshot value: v
}
