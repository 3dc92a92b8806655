#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each (default 600), seeded with the bundled articles.
# Needs the nightly toolchain and cargo-fuzz:  rustup toolchain install nightly && cargo install cargo-fuzz
# Usage: fuzz/run-all.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
secs="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(dates quotes extract format_text format_json format_jsonl format_csv)
fi
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  # Seeds: the real articles (text targets) and small files of each format.
  case "$t" in
    dates|quotes|extract|format_text) find sample_data -name '*.txt' -exec cp -n {} "fuzz/corpus/$t/" \; ;;
    format_json) printf '{"title":"A","maintext":"Jakarta - Kamis (24/8/2023).","date_publish":"2023-08-24"}' > "fuzz/corpus/$t/seed1"
                 printf '{"events":[{"start_date":{"year":"2018","month":"4"},"text":{"headline":"h","text":"<blockquote>“q” — W</blockquote>"}}]}' > "fuzz/corpus/$t/seed2" ;;
    format_jsonl) printf '{"title":"A","maintext":"one"}\n{"title":"B","text":"two"}\n' > "fuzz/corpus/$t/seed1" ;;
    format_csv) printf 'title,date,text\nJudul,2019-09-19,"Isi, dengan koma"\n' > "fuzz/corpus/$t/seed1"
                printf 'date,end_date,precision,title,quotes\n2018-04-27,2018-04-28,day,T,"W: “q”"\n' > "fuzz/corpus/$t/seed2" ;;
  esac
  echo "== $t for ${secs}s"
  mkdir -p fuzz/logs
  if cargo +nightly fuzz run -s none -a "$t" -- -max_total_time="$secs" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 > "fuzz/logs/$t.log" 2>&1; then
    echo "$t: no crash ($(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "fuzz/logs/$t.log"))"
  else
    echo "$t: CRASH — see fuzz/logs/$t.log and fuzz/artifacts/$t/; copy the input to tests/fuzz_regressions/$t/"
  fi
done
