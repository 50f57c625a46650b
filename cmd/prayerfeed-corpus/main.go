// Command prayerfeed-corpus writes a folder of valid bulletins for
// measuring prayerfeed: weekly bulletins going back from a date, with
// realistic text, five to seven points each, about one point in four
// announcing an event, events across many zones, some recurring, some
// rescheduled, postponed or cancelled in later bulletins.
//
// Usage:
//
//	prayerfeed-corpus [-n 10000] [-regions 8] [-seed 1] -out DIR
//
// The same flags always write the same files.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/prayerfeed/prayerfeed/internal/corpus"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("prayerfeed-corpus: ")
	n := flag.Int("n", 1000, "the number of bulletins")
	regions := flag.Int("regions", 8, "the number of regions")
	seed := flag.Uint64("seed", 1, "the seed of the random text")
	out := flag.String("out", "", "the folder to write (it must not exist)")
	flag.Parse()
	if *out == "" || *n < 1 || *regions < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		log.Fatalf("%s exists; prayerfeed-corpus writes only a new folder", *out)
	}
	if err := corpus.Write(*out, *n, *regions, *seed); err != nil {
		log.Fatal(err)
	}
}
