package ingest

import "testing"

func TestLooksEnglish(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"english", "The Obama administration has asked China for help in countering the North Korean cyberattacks, and officials said the talks were useful.", true},
		{"headline", "Iran seizes British tanker", true},
		{"french", "Le président de la République a annoncé mardi que la France ne participerait pas aux négociations, selon un communiqué publié par l'Élysée et repris par les médias.", false},
		{"german", "Die Bundesregierung hat am Dienstag mitgeteilt, dass sie sich nicht an den Verhandlungen beteiligen wird, wie ein Sprecher in Berlin sagte und auch die Presse berichtete.", false},
		{"spanish", "El gobierno de España anunció el martes que no participará en las negociaciones con los países vecinos, según un comunicado publicado por el ministerio y recogido por la prensa.", false},
		{"english with a french quote", "The French minister said on Tuesday that the talks had failed. \"C'est la fin\", she told reporters in Paris, and the government said it would not return to the table with the other parties.", true},
	}
	for _, tt := range tests {
		if got := looksEnglish(tt.text); got != tt.want {
			t.Errorf("%s: looksEnglish = %v, want %v", tt.name, got, tt.want)
		}
		r := NewExtractor(nil).Extract("", tt.text)
		if skipped := r.Skipped == SkipNonEnglish; skipped == tt.want {
			t.Errorf("%s: Skipped = %q", tt.name, r.Skipped)
		}
		if r.Skipped != "" && (len(r.Entities) > 0 || len(r.Claims) > 0) {
			t.Errorf("%s: skipped but extracted %d entities, %d claims", tt.name, len(r.Entities), len(r.Claims))
		}
	}
}

func TestArticleLanguageTag(t *testing.T) {
	x := NewExtractor(nil)
	text := "Japan asked the United States for help after the storm."
	for _, tt := range []struct {
		tag  string
		want bool // entities extracted
	}{{"", true}, {"en", true}, {"en-GB", true}, {"EN", true}, {"fr", false}, {"de-DE", false}} {
		a := rulesArticle(x, ArticleMessage{ID: "a", Text: text, Language: tt.tag})
		if got := len(a.Entities) > 0; got != tt.want {
			t.Errorf("language %q: extracted %v, want %v", tt.tag, got, tt.want)
		}
	}
}
