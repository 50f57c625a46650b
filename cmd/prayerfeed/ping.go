package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/websub"
)

// pingTimeout bounds each notification to the hub.
const pingTimeout = 30 * time.Second

func runPing(src, out, hub, statePath string, all, dryRun bool, stdout, stderr io.Writer) error {
	root, err := openSource(src)
	if err != nil {
		return err
	}
	defer root.Close()
	site, errs := load.Site(root.FS(), filepath.ToSlash(filepath.Clean(src)))
	if n := report(stderr, errs.Err(), newSource(root.FS(), filepath.ToSlash(filepath.Clean(src)))); n > 0 {
		fmt.Fprintf(stderr, "prayerfeed: %s in site.yaml\n", plural(n, "problem", "problems"))
		return errReported
	}
	if hub == "" {
		hub = site.Hub
	}

	sums := map[string]string{}
	for _, ext := range []string{"atom", "rss", "json"} {
		paths, _ := filepath.Glob(filepath.Join(out, "feeds", "*."+ext))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sums[site.URL("feeds/"+filepath.Base(p))] = websub.Sum(data)
		}
	}
	if len(sums) == 0 {
		return fmt.Errorf("no feeds in %s; run prayerfeed build first", filepath.Join(out, "feeds"))
	}
	state, err := websub.ReadState(statePath)
	if err != nil {
		return err
	}
	if all {
		state = websub.State{}
	}
	changed := state.Changed(sums)
	if dryRun {
		for _, u := range changed {
			fmt.Fprintln(stdout, u)
		}
		return nil
	}
	if hub == "" {
		return errors.New("site.yaml names no hub (add hub: with the hub's URL), and -hub is not given")
	}
	client := &http.Client{Timeout: pingTimeout}
	told := 0
	for _, u := range changed {
		ctx, cancel := context.WithTimeout(context.Background(), pingTimeout)
		err = websub.Publish(ctx, client, hub, u)
		cancel()
		if err != nil {
			break
		}
		state[u] = sums[u]
		told++
	}
	if werr := state.Write(statePath); werr != nil && err == nil {
		err = werr
	}
	if err != nil {
		if told > 0 {
			fmt.Fprintf(stderr, "prayerfeed: told the hub of %s before it failed\n", plural(told, "feed", "feeds"))
		}
		return err
	}
	fmt.Fprintf(stderr, "prayerfeed: told the hub %s of %s; %d unchanged\n", hub, plural(told, "changed feed", "changed feeds"), len(sums)-told)
	return nil
}
