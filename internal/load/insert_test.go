package load_test

import (
	"testing"
	"testing/fstest"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

func TestInsert(t *testing.T) {
	src := "date: 2026-11-20   # a comment\ntitle: T\nitems:\n  # the first\n  - region: africa # Africa\n    kind: praise\n    body: |\n      Praise.\n  -\n    region: asia\n    kind: prayer\n    body: Pray.\n"
	pos := func(line, col int) bulletin.Pos { return bulletin.Pos{File: "b.yaml", Line: line, Col: col} }
	got, err := load.Insert([]byte(src), []load.Insertion{{pos(5, 5), "id", "africa-1"}, {pos(10, 5), "id", "asia-1"}, {pos(1, 1), "id", "2026-11-20"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "id: \"2026-11-20\"\ndate: 2026-11-20   # a comment\ntitle: T\nitems:\n  # the first\n  - id: africa-1\n    region: africa # Africa\n    kind: praise\n    body: |\n      Praise.\n  -\n    id: asia-1\n    region: asia\n    kind: prayer\n    body: Pray.\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// What it wrote loads, the ids where they were asked for.
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "b.yaml": {Data: got}}
	_, bs, _ := load.Dir(fsys, "bulletins")
	if len(bs) != 1 || bs[0].ID != "2026-11-20" || bs[0].Points[0].ID != "africa-1" || bs[0].Points[1].ID != "asia-1" || bs[0].Points[0].IDAuto {
		t.Errorf("loaded %+v", bs)
	}
	if _, err := load.Insert([]byte("items:\n  - {region: africa, kind: praise}\n"), []load.Insertion{{pos(2, 5), "id", "x"}}); err == nil {
		t.Error("Insert wrote into a mapping in braces")
	}
	crlf, _ := load.Insert([]byte("a: 1\r\nb: 2\r\n"), []load.Insertion{{pos(1, 1), "id_domain", "example.org"}})
	if string(crlf) != "id_domain: example.org\r\na: 1\r\nb: 2\r\n" {
		t.Errorf("CRLF: %q", crlf)
	}
}
