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
;; (`color: #22c55e' is not a comment): the syntax table leaves `#' alone,
;; and `syntax-propertize-function' marks only such a `#' as a comment
;; start, so Emacs's comment commands find the comments a .dag file has.
;; Comments are whole lines, so M-; comments or uncomments the line (or the
;; lines a region touches) where other modes would add a comment at its end,
;; and commenting a region always starts at the beginning of its lines.
(defvar dag-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "." table)
    (modify-syntax-entry ?\" "." table)
    (modify-syntax-entry ?\n ">" table)
    table)
  "Syntax table for `dag-mode': a newline ends a comment; no strings.")

(defun dag-whole-lines (beg end)
  "BEG and END moved out to the start and end of the lines they touch.
An END at the start of a line, after BEG, stays there: that line is not touched."
  (save-excursion
    (cons (progn (goto-char beg) (line-beginning-position))
          (progn (goto-char end)
                 (if (and (bolp) (> end beg)) end (line-end-position))))))

(defun dag-comment-dwim (arg)
  "Comment or uncomment whole lines, the only comments a .dag file has.
With a region, the lines it touches; on a blank line, start a comment;
else the current line.  ARG is passed to `comment-or-uncomment-region'."
  (interactive "*P")
  (if (and (not (use-region-p))
           (save-excursion (beginning-of-line) (looking-at "[ \t]*$")))
      (insert comment-start)
    (let ((lines (if (use-region-p)
                     (dag-whole-lines (region-beginning) (region-end))
                   (dag-whole-lines (point) (point)))))
      (comment-or-uncomment-region (car lines) (cdr lines) arg))))

(defun dag-comment-region (beg end &optional arg)
  "Comment the lines BEG to END touch, as whole lines (ARG as `comment-region')."
  (let ((lines (dag-whole-lines beg end)))
    (comment-region-default (car lines) (cdr lines) arg)))

(defun dag-insert-comment ()
  "Comment the current line as a whole, or start a comment on a blank one."
  (if (save-excursion (beginning-of-line) (looking-at "[ \t]*$"))
      (insert comment-start)
    (dag-comment-region (point) (point))))

(defvar dag-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map [remap comment-dwim] #'dag-comment-dwim)
    map)
  "Keymap for `dag-mode'.")

(define-derived-mode dag-mode prog-mode "DAG"
  "Major mode for Decision DAG (.dag) files."
  (setq-local syntax-propertize-function
              (syntax-propertize-rules ("^[ \t]*\\(#\\)" (1 "<"))))
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local comment-use-syntax t)
  (setq-local comment-region-function #'dag-comment-region)
  (setq-local comment-insert-comment-function #'dag-insert-comment)
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2)
  (setq-local font-lock-defaults '(dag-font-lock-keywords)))

(add-to-list 'auto-mode-alist '("\\.dag\\'" . dag-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(dag-mode . ("dag-lsp"))))

(provide 'dag-mode)
;;; dag-mode.el ends here
