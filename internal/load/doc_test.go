package load

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryKeyDocumented checks that the package comment, the reference
// of the format, and its mirror in docs/format.md show every key as it is
// written in YAML ("key:"), in a code block.
func TestEveryKeyDocumented(t *testing.T) {
	docs := map[string]string{}
	for _, name := range []string{"doc.go", filepath.Join("..", "..", "docs", "format.md")} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = string(data)
	}
	for mapping, list := range keys {
		for _, key := range list {
			re := regexp.MustCompile(`(?m)^(//\t|    )?[ -]*` + regexp.QuoteMeta(key) + `:`)
			for name, text := range docs {
				if !re.MatchString(text) {
					t.Errorf("%s does not show key %q of %s", name, key, mapping)
				}
			}
		}
	}
	if !strings.Contains(docs["doc.go"], "# site.yaml") {
		t.Errorf("doc.go has no site.yaml section")
	}
}
