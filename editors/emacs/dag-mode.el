;;; dag-mode.el --- Decision DAG files, checked by dag-lsp through Eglot -*- lexical-binding: t -*-

;;; Commentary:
;; A minimal major mode for Decision DAG (.dag) files and the Eglot entry
;; that starts `dag-lsp' for them.  Written for Emacs 29+ (Eglot built in);
;; on Emacs 28, install Eglot first (M-x package-install, or Debian's
;; elpa-eglot).  Start the server with M-x eglot, or on every .dag file
;; with (add-hook 'dag-mode-hook #'eglot-ensure).

;;; Code:

(defvar dag-font-lock-keywords
  '(("^[ \t]*#.*$" . font-lock-comment-face)
    ("^\\([A-Za-z0-9_-]+\\):" 1 font-lock-function-name-face)
    ("\\[[A-Za-z0-9_, -]+\\]" . font-lock-constant-face)
    ("->" . font-lock-keyword-face))
  "Highlighting for `dag-mode': comments, ids, outcome ids and arrows.")

;; `#' starts a comment only as the first non-blank character of a line
;; (`color: #22c55e' is not a comment), so comments are matched by the
;; font-lock rule above rather than by the syntax table.
(define-derived-mode dag-mode prog-mode "DAG"
  "Major mode for Decision DAG (.dag) files."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "^[ \t]*#+[ \t]*")
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2)
  (setq-local font-lock-defaults '(dag-font-lock-keywords)))

(add-to-list 'auto-mode-alist '("\\.dag\\'" . dag-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(dag-mode . ("dag-lsp"))))

(provide 'dag-mode)
;;; dag-mode.el ends here
