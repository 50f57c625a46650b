package script

import "testing"

func TestReference(t *testing.T) {
	tests := []struct{ ref, want string }{
		// One verse, a range, chapters only.
		{"Jeremiah 20:13", "Jeremiah, chapter 20, verse 13"},
		{"Hebrews 10:29-31", "Hebrews, chapter 10, verses 29 to 31"},
		{"Hebrews 10:29–31", "Hebrews, chapter 10, verses 29 to 31"},
		{"Hebrews 10:29 - 31", "Hebrews, chapter 10, verses 29 to 31"},
		{"Isaiah 58", "Isaiah, chapter 58"},
		{"Isaiah 58-59", "Isaiah, chapters 58 to 59"},
		{"Isaiah 58, 61", "Isaiah, chapters 58 and 61"},
		{"Isaiah 9:2", "Isaiah, chapter 9, verse 2"},
		{"Micah 6:8", "Micah, chapter 6, verse 8"},
		// Across chapters.
		{"John 3:16–4:2", "John, chapter 3, verse 16, to chapter 4, verse 2"},
		{"John 3:16-4:2", "John, chapter 3, verse 16, to chapter 4, verse 2"},
		// Lists of verses.
		{"Romans 8:28, 31", "Romans, chapter 8, verses 28 and 31"},
		{"Romans 8:28,31-39", "Romans, chapter 8, verses 28 and 31 to 39"},
		{"Romans 8:28, 9:1", "Romans, chapter 8, verse 28, and chapter 9, verse 1"},
		{"Luke 4:18a", "Luke, chapter 4, verse 18a"},
		// Books with numbers.
		{"1 John 3:16", "First John, chapter 3, verse 16"},
		{"1John 3:16", "First John, chapter 3, verse 16"},
		{"I John 3:16", "First John, chapter 3, verse 16"},
		{"1st John 3:16", "First John, chapter 3, verse 16"},
		{"First John 3:16", "First John, chapter 3, verse 16"},
		{"2 Corinthians 5:17", "Second Corinthians, chapter 5, verse 17"},
		{"II Corinthians 5:17-21", "Second Corinthians, chapter 5, verses 17 to 21"},
		{"2 Corinthians 5", "Second Corinthians, chapter 5"},
		{"3 John 4", "Third John, verse 4"},
		{"1 Samuel 17:45-47", "First Samuel, chapter 17, verses 45 to 47"},
		// Books of one chapter name verses only.
		{"Jude 3", "Jude, verse 3"},
		{"Jude 1:3", "Jude, verse 3"},
		{"Jude 24-25", "Jude, verses 24 to 25"},
		{"Philemon 1:4-7", "Philemon, verses 4 to 7"},
		{"Obadiah 15", "Obadiah, verse 15"},
		{"2 John 6", "Second John, verse 6"},
		// Names of more than one word.
		{"Song of Songs 2:4", "Song of Songs, chapter 2, verse 4"},
		{"Song of Solomon 8:6-7", "Song of Solomon, chapter 8, verses 6 to 7"},
		// Psalm and Psalms.
		{"Psalm 23", "Psalm 23"},
		{"Psalms 23", "Psalm 23"},
		{"Ps 23", "Psalm 23"},
		{"Ps. 23", "Psalm 23"},
		{"Psalm 23:1", "Psalm 23, verse 1"},
		{"Psalms 82:3-4", "Psalm 82, verses 3 to 4"},
		{"Psalm 120-134", "Psalms 120 to 134"},
		{"Psalms 23, 24", "Psalms 23 and 24"},
		{"Psalm 23:6-24:1", "Psalm 23, verse 6, to Psalm 24, verse 1"},
		{"Psalm 1:1", "Psalm 1, verse 1"},
		// Several references.
		{"Micah 6:8; Isaiah 1:17", "Micah, chapter 6, verse 8, and Isaiah, chapter 1, verse 17"},
		{"Matthew 5:3-12; 6:9", "Matthew, chapter 5, verses 3 to 12, and chapter 6, verse 9"},
		{"Psalm 10:17-18; Proverbs 31:8-9", "Psalm 10, verses 17 to 18, and Proverbs, chapter 31, verses 8 to 9"},
		// What is not understood is read as written.
		{"Jeremiah", "Jeremiah"},
		{"Jeremiah 20:13 (NIV)", "Jeremiah 20:13 (NIV)"},
		{"see the bulletin", "see the bulletin"},
		{"", ""},
		{"6:9", "6:9"},
	}
	for _, tt := range tests {
		if got := english.reference(tt.ref); got != tt.want {
			t.Errorf("reference(%q)\n got %q\nwant %q", tt.ref, got, tt.want)
		}
	}
}
