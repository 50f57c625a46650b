package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// A progress line shows a long build's step on a terminal: from two
// seconds in, five times a second, written over itself and cleared when
// the build ends. It is never written where there is no terminal, such
// as a CI log.
type progress struct {
	w     io.Writer
	stop  chan struct{}
	ended sync.WaitGroup
	mu    sync.Mutex
	step  string
	files int
}

// startProgress starts the progress line of a build writing to stderr;
// it is nil, and does nothing, when stderr is no terminal.
func startProgress(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || os.Getenv("TERM") == "dumb" {
		return nil
	}
	return showProgress(stderr, 2*time.Second)
}

// showProgress starts a progress line on w, shown from after on.
func showProgress(w io.Writer, after time.Duration) *progress {
	p := &progress{w: w, stop: make(chan struct{}), step: "reading"}
	p.ended.Go(func() {
		select {
		case <-time.After(after):
		case <-p.stop:
			return
		}
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			p.mu.Lock()
			if p.files > 0 {
				fmt.Fprintf(p.w, "\r\033[Kprayerfeed: %s, %d files…", p.step, p.files)
			} else {
				fmt.Fprintf(p.w, "\r\033[Kprayerfeed: %s…", p.step)
			}
			p.mu.Unlock()
			select {
			case <-tick.C:
			case <-p.stop:
				fmt.Fprint(p.w, "\r\033[K")
				return
			}
		}
	})
	return p
}

// report is build.Options.Progress.
func (p *progress) report(step string, files int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.step, p.files = step, files
	p.mu.Unlock()
}

// end clears the line, before what the build prints at its end.
func (p *progress) end() {
	if p == nil {
		return
	}
	close(p.stop)
	p.ended.Wait()
}
