package build

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"

	_ "github.com/prayerfeed/prayerfeed/internal/golden"
)

// FuzzManifestEncode checks the manifest's own encoder against
// json.MarshalIndent.
func FuzzManifestEncode(f *testing.F) {
	f.Add("feeds/all.atom", "tag:x", "Title <&> \u2028 é", "state", 3)
	f.Fuzz(func(t *testing.T, path, id, title, st string, seq int) {
		m := &Manifest{Format: 3, Files: Files{path, id},
			Entries: map[string]Entry{id: {File: path, Title: title, Sketch: st}, "b": {File: id, Title: title, Updated: st}},
			Events: map[string]Record{title: {File: id, Title: st, Sequence: seq, State: st},
				"c": {File: path, Title: title, Revisions: seq, Calendars: map[string]string{path: "", id: st, "a": title},
					Time: &Slot{Kind: st, Zone: id, Start: path, End: title, Listed: st}, Gone: id},
				"d": {Time: &Slot{Kind: title}, Calendars: map[string]string{}}},
			Languages: map[string]*Manifest{path: {Entries: map[string]Entry{id: {File: path, Title: title}}, Events: map[string]Record{},
				Diary: map[string]DiaryRecord{st: {Point: id, Sequence: seq}}}}}
		want, _ := json.MarshalIndent(m, "", "  ")
		var got bytes.Buffer
		if err := m.encode(bufio.NewWriter(&got)); err != nil || got.String() != string(want)+"\n" {
			t.Errorf("encode:\n%s\nwant\n%s", got.String(), want)
		}
	})
}
