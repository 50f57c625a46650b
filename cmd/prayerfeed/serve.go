package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/build"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/serve"
)

// newServer returns the preview server of the site in src, built into
// out at the clock now, logging to stderr.
func newServer(src, out string, now func() moment, stderr io.Writer) (*serve.Server, error) {
	root, err := openSource(src)
	if err != nil {
		return nil, err
	}
	settings, _ := load.Site(root.FS(), filepath.ToSlash(filepath.Clean(src)))
	root.Close()
	base := "/"
	if settings.BaseURL != nil {
		base = settings.BaseURL.Path
	}
	var srv *serve.Server
	cache := new(load.Cache) // a save parses only the files it changed
	srv = &serve.Server{
		Src:       src,
		Out:       out,
		Base:      base,
		MediaType: build.MediaType,
		Poll:      500 * time.Millisecond,
		Log:       log.New(stderr, "prayerfeed serve: ", 0),
		Build: func() error {
			site, _, err := loadSiteCached(src, now(), cache)
			if err != nil {
				return err
			}
			srv.SetBase(site.BaseURL.Path)
			// As build does: stage the files as they render, then swap.
			st, err := build.OpenStage(out)
			if err != nil {
				return err
			}
			site.Previous = st.Previous()
			if err := build.RenderTo(site, st.Add); err != nil {
				st.Discard()
				return err
			}
			_, err = st.Commit(site.Manifest(nil))
			return err
		},
	}
	return srv, nil
}

func runServe(src, out, addr string, now func() moment, stderr io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv, err := newServer(src, out, now, stderr)
	if err != nil {
		ln.Close()
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	host := ln.Addr().String()
	if h, _, err := net.SplitHostPort(host); err == nil && !net.ParseIP(h).IsLoopback() {
		fmt.Fprintf(stderr, "prayerfeed serve: warning: %s is reachable from other machines\n", host)
	}
	fmt.Fprintf(stderr, "prayerfeed serve: http://%s%s (Ctrl-C to stop)\n", host, srv.Base)
	return srv.Serve(ctx, ln)
}
