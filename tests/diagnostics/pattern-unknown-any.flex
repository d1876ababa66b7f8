# any takes a known kind
let c = {id: 1}
expect c matches { id: any identifier }
