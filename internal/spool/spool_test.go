package spool

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// TestBatch writes the texts of many files at once, from several
// goroutines as loading does, and reads each back.
func TestBatch(t *testing.T) {
	sp := New(0)
	if sp == nil && runtime.GOOS != "windows" {
		t.Fatal("New() = nil: no temporary file")
	}
	const files, each = 50, 7
	got := make([][each]Text, files)
	var wg sync.WaitGroup
	for f := range files {
		wg.Go(func() {
			var b Batch
			for i := range each {
				b.Add(&got[f][i], text(f, i))
				if s := got[f][i].String(); s != text(f, i) {
					t.Errorf("before Write: %q, want %q", s, text(f, i))
				}
			}
			b.Write(sp)
		})
	}
	wg.Wait()
	for f := range files {
		for i := range each {
			tx := got[f][i]
			want := text(f, i)
			if s := tx.String(); s != want {
				t.Errorf("file %d text %d = %q, want %q", f, i, s, want)
			}
			if tx.Len() != len(want) {
				t.Errorf("file %d text %d: Len() = %d, want %d", f, i, tx.Len(), len(want))
			}
			if spooled := tx.sp != nil; spooled != (sp != nil && len(want) >= minSpooled) {
				t.Errorf("file %d text %d (%d bytes): in the spool %v", f, i, len(want), spooled)
			}
		}
	}
}

// text is the i-th text of file f: some short, one empty, most long.
func text(f, i int) string {
	switch i {
	case 0:
		return ""
	case 1:
		return "Pray."
	}
	return strings.Repeat(fmt.Sprintf("File %d, text %d: pray for the hearing. ", f, i), i)
}

// TestHeld keeps the first texts in memory, up to what the spool holds,
// and spools the rest.
func TestHeld(t *testing.T) {
	sp := New(1000)
	if sp == nil {
		t.Skip("no spool here")
	}
	long := strings.Repeat("Pray for the court. ", 10) // 200 bytes
	var texts [8]Text
	for i := range texts {
		var b Batch
		b.Add(&texts[i], long)
		b.Write(sp)
	}
	for i, tx := range texts {
		if spooled := tx.sp != nil; spooled != (i >= 5) {
			t.Errorf("text %d, after %d bytes: in the spool %v", i, 200*(i+1), spooled)
		}
		if tx.String() != long {
			t.Errorf("text %d = %q", i, tx.String())
		}
	}
}

// TestMemory keeps texts in memory without a spool.
func TestMemory(t *testing.T) {
	var tx, empty Text
	var b Batch
	b.Add(&tx, strings.Repeat("Pray for the court. ", 10))
	b.Write(nil)
	if tx.sp != nil || tx.String() != strings.Repeat("Pray for the court. ", 10) {
		t.Errorf("without a spool: %+v", tx)
	}
	if empty.String() != "" || empty.Len() != 0 {
		t.Errorf("zero Text = %q", empty.String())
	}
	if Of("Pray.") != Of("Pray.") {
		t.Error("equal texts in memory differ as keys")
	}
}

// TestFull keeps texts in memory when the spool cannot be written to, as
// on a full disk.
func TestFull(t *testing.T) {
	sp := New(0)
	if sp == nil {
		t.Skip("no spool here")
	}
	sp.f.Close()
	var tx Text
	var b Batch
	want := strings.Repeat("Pray for the court. ", 10)
	b.Add(&tx, want)
	b.Write(sp)
	if tx.sp != nil || tx.String() != want {
		t.Errorf("after a failed write: %+v", tx)
	}
}
