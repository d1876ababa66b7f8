# a card is HSA, FSA or credit, not two of them
let p = product "Thermometer" eligible price $24.99
let s = checkout items [p x1]
pay s with card "4242 4242 4242 4242" hsa fsa
