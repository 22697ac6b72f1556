" Highlighting for Decision DAG (.dag) files, for Neovim (and Vim).
" A `#` starts a comment only as the first non-blank character of a line,
" so `color: #22c55e` stays a value. Later rules win where two start at the
" same column: header keys over question ids, outcome blocks over targets.
if exists('b:current_syntax')
  finish
endif

syntax match dagQuestionId /^[A-Za-z0-9_-]\+\ze:/
syntax match dagHeaderKey /^\%(dag\|entry\|mode\|version\|description\|tags\|image\|locale\|name\|routes\)\ze:/
syntax match dagProperty /^\s\+\%(hint\|when\|color\|description\|code\|image\|url\)\ze:/
syntax match dagArrow /->/
syntax match dagTarget /\[[A-Za-z0-9_, -]\+\]/
syntax match dagOutcomeId /^\[[A-Za-z0-9_-]\+\]\ze:/
syntax match dagComment /^\s*#.*$/

highlight default link dagQuestionId Function
highlight default link dagHeaderKey Keyword
highlight default link dagProperty Identifier
highlight default link dagArrow Operator
highlight default link dagTarget Constant
highlight default link dagOutcomeId Type
highlight default link dagComment Comment

let b:current_syntax = 'dag'
