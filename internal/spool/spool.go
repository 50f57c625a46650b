// Package spool keeps the long texts of a site's bulletins (their points'
// bodies and their intros) in a temporary file rather than in memory.
//
// A site's texts are most of what a build holds: 65 MB for 20,000
// bulletins, which Go's collector lets grow to twice that before it
// collects. Written once as the bulletins load and read back as each file
// renders, they stay in the operating system's file cache instead, which
// a machine short of memory may drop and read again.
//
// The first few megabytes of texts stay in memory all the same (Held):
// reading a text back is a system call, and the texts of a site of a
// thousand bulletins, about 3 MB, cost less to hold than to read back. A
// larger site holds no more than that: there every megabyte held makes
// the collector, near the memory budget, run more often.
package spool

import (
	"fmt"
	"os"
	"sync/atomic"
)

// A Spool is a temporary file of texts. Texts are added to it from any
// number of goroutines and read back as long as one refers to it; it
// has no name and is gone once nothing refers to it. A nil Spool keeps
// its texts in memory.
type Spool struct {
	f    *os.File
	size atomic.Int64
	// held counts the bytes of the texts given to the spool: they stay
	// in memory while it is at most hold.
	held atomic.Int64
	hold int64
}

// Held is how many bytes of texts a spool of a build keeps in memory
// before it writes any to its file.
const Held = 4 << 20

// New returns a new spool in the folder for temporary files, which keeps
// the first texts it is given in memory, up to hold bytes of them. Where
// the system cannot give a temporary file that goes once it is closed,
// New returns nil, and texts stay in memory.
func New(hold int64) *Spool {
	f, err := create()
	if err != nil || f == nil {
		return nil
	}
	return &Spool{f: f, hold: hold}
}

// A Text is a text in a spool, or in memory. Its zero value is the empty
// text. Texts are comparable values, so that a Text may be a map key:
// two spooled texts are equal when they are the same text in the same
// place, two in memory when they say the same.
type Text struct {
	s   string // the text, when in memory
	sp  *Spool // else the spool it is in, and where
	off int64
	n   int
}

// Of returns s as a text in memory.
func Of(s string) Text { return Text{s: s} }

// A Batch gathers the texts of one file to write them to a spool at once:
// a write for each text would cost more than the texts.
type Batch struct {
	texts []*Text
}

// Add sets *t to s, in memory until the batch is written.
func (b *Batch) Add(t *Text, s string) {
	*t = Of(s)
	if len(s) >= minSpooled {
		b.texts = append(b.texts, t)
	}
}

// Write moves the batch's texts into sp, and empties the batch. They stay
// in memory while sp has been given no more texts than it holds (New),
// and where sp is nil or cannot be written to (a full disk), so that a
// build never fails for want of room for a temporary file.
func (b *Batch) Write(sp *Spool) {
	texts := b.texts
	b.texts = nil
	if sp == nil || len(texts) == 0 {
		return
	}
	n := 0
	for _, t := range texts {
		n += len(t.s)
	}
	if sp.held.Add(int64(n)) <= sp.hold {
		return
	}
	buf := make([]byte, 0, n)
	for _, t := range texts {
		buf = append(buf, t.s...)
	}
	off := sp.size.Add(int64(n)) - int64(n)
	if _, err := sp.f.WriteAt(buf, off); err != nil {
		return
	}
	for _, t := range texts {
		*t = Text{sp: sp, off: off, n: len(t.s)}
		off += int64(t.n)
	}
}

// Texts shorter than minSpooled stay in memory: reading them back would
// cost more than they hold.
const minSpooled = 64

// String reads the text. It panics if the spool cannot be read, which
// only a failing disk does: what it wrote a moment before is in the
// system's cache.
func (t Text) String() string {
	if t.sp == nil {
		return t.s
	}
	b := make([]byte, t.n)
	if _, err := t.sp.f.ReadAt(b, t.off); err != nil {
		panic(fmt.Sprintf("spool: cannot read back a text from the temporary file: %v", err))
	}
	return string(b)
}

// Len returns the length of the text in bytes.
func (t Text) Len() int {
	if t.sp == nil {
		return len(t.s)
	}
	return t.n
}
