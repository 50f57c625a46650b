// Package websub tells a WebSub hub which feeds changed, so that readers
// subscribed through the hub get new bulletins at once rather than at
// their next poll (WebSub, W3C Recommendation, §5: the publisher notifies
// the hub with hub.mode=publish and the topic's URL).
//
// It keeps a record of the bytes of each feed at its last successful
// notification, so that only feeds that changed since are sent again.
package websub

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/prayerfeed/prayerfeed/internal/atomicfile"
)

// State records, by feed URL, the SHA-256 of each feed's bytes when the
// hub was last told of it.
type State map[string]string

// ReadState reads the state file at path. A missing file is an empty
// state: every feed counts as changed.
func ReadState(path string) (State, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, nil
	}
	if err != nil {
		return nil, err
	}
	var s State
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %w (delete it to ping every feed)", path, err)
	}
	if s == nil {
		s = State{}
	}
	return s, nil
}

// Write writes the state to path atomically.
func (s State) Write(path string) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	root, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer root.Close()
	return atomicfile.WriteFile(root, filepath.Base(path), append(data, '\n'), 0o644)
}

// Sum returns the hex SHA-256 of data.
func Sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// Changed returns, sorted, the URLs whose sums differ from the state's.
func (s State) Changed(sums map[string]string) []string {
	var urls []string
	for _, u := range slices.Sorted(maps.Keys(sums)) {
		if s[u] != sums[u] {
			urls = append(urls, u)
		}
	}
	return urls
}

// Publish tells the hub that the feed at topic changed. A hub answers a
// notification it accepts with a 2xx status.
func Publish(ctx context.Context, client *http.Client, hub, topic string) error {
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {topic}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hub, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("hub %s: %w", hub, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := client.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return fmt.Errorf("cannot reach the hub %s: %w", hub, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode/100 != 2 {
		msg := strings.TrimSpace(strings.SplitN(string(body), "\n", 2)[0])
		if msg != "" {
			msg = ": " + msg
		}
		return fmt.Errorf("the hub %s refused %s: %s%s", hub, topic, resp.Status, msg)
	}
	return nil
}
