package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a bytes.Buffer that the progress line and the test
// may share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestProgress: the line shows the step and the files done, written over
// itself, and is cleared at the end; where there is no terminal, nothing.
func TestProgress(t *testing.T) {
	var out lockedBuffer
	p := showProgress(&out, 0)
	p.report("rendering", 12)
	for !strings.Contains(out.String(), "prayerfeed: rendering, 12 files…") {
	}
	p.end()
	if s := out.String(); !strings.HasPrefix(s, "\r\033[K") || !strings.HasSuffix(s, "…\r\033[K") {
		t.Errorf("progress wrote %q", s)
	}
	var none bytes.Buffer
	q := startProgress(&none)
	q.report("rendering", 1)
	q.end()
	if q != nil || none.Len() > 0 {
		t.Errorf("progress on no terminal: %q", none.String())
	}
}
