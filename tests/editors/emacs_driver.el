;;; emacs_driver.el --- Drive Emacs and Eglot against dag-lsp for the tests -*- lexical-binding: t -*-

;;; Commentary:
;; Used by tests/editors/test_emacs.py as `emacs --batch -l emacs_driver.el':
;; the far end of the flow, a real editor talking to `dag-lsp' over stdio.
;; It loads the set-up file named by DAG_TEST_SETUP (editors/emacs/dag-mode.el),
;; opens DAG_TEST_BROKEN, starts Eglot, waits for the diagnostic, jumps to
;; the definition at DAG_TEST_REF_LINE / DAG_TEST_REF_COLUMN, formats
;; DAG_TEST_MESSY, and writes what it saw as JSON to DAG_TEST_OUT.  Waits
;; are on process output (`accept-process-output'), never a fixed delay.
;; Before that it presses M-; (and runs the other comment commands) at
;; places of DAG_TEST_GOOD, each time on a fresh copy of it, and records the
;; text each left.  Lines are 0-based, columns in characters.

;;; Code:

(require 'json)

(defvar dag-test-timeout 15.0 "Seconds to wait for the server at each step.")
(defvar dag-test-results nil "What the driver saw, as an alist.")

(defun dag-test-record (key value)
  "Record VALUE under KEY in the results."
  (push (cons key value) dag-test-results))

(defun dag-test-wait (step condition)
  "Wait until CONDITION returns non-nil; record a failure of STEP if it never does."
  (let ((deadline (+ (float-time) dag-test-timeout)))
    (while (and (not (funcall condition)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or (funcall condition)
        (progn (dag-test-record (intern (format "%s-failed" step)) t) nil))))

(defun dag-test-place (position)
  "POSITION as a 0-based line and a column in characters."
  (save-excursion
    (goto-char position)
    `((line . ,(1- (line-number-at-pos))) (column . ,(- (point) (line-beginning-position))))))

(defun dag-test-goto (line column)
  "Move to 0-based LINE and character COLUMN."
  (goto-char (point-min))
  (forward-line line)
  (forward-char column))

(defun dag-test-diagnostics ()
  "Wait for Flymake's diagnostics from the server and record them."
  (when (dag-test-wait 'diagnostics (lambda () (flymake-diagnostics)))
    (dag-test-record
     'diagnostics
     (vconcat
      (mapcar (lambda (d)
                `((start . ,(dag-test-place (flymake-diagnostic-beg d)))
                  (end . ,(dag-test-place (flymake-diagnostic-end d)))
                  (type . ,(symbol-name (flymake-diagnostic-type d)))
                  (text . ,(flymake-diagnostic-text d))))
              (flymake-diagnostics))))))

(defun dag-test-definition ()
  "Go to the definition of the identifier at the reference, as M-. does."
  (dag-test-goto (string-to-number (getenv "DAG_TEST_REF_LINE"))
                 (string-to-number (getenv "DAG_TEST_REF_COLUMN")))
  (let ((start (point)))
    (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
    (unless (= (point) start)
      (dag-test-record 'definition (dag-test-place (point))))))

(defun dag-test-format ()
  "Open the messy tree and format it with the server."
  (find-file (getenv "DAG_TEST_MESSY"))
  (when (dag-test-wait 'attach (lambda () (eglot-managed-p)))
    (eglot-format-buffer)
    (dag-test-record 'formatted (buffer-substring-no-properties (point-min) (point-max)))))

(defun dag-test-comment (name start &optional end command keys)
  "Record as NAME the good tree after COMMAND (M-; by default) at START.
START and END are (LINE . COLUMN); with END, the region from START to END
is active.  KEYS, a string, is typed afterwards."
  (with-temp-buffer
    (insert-file-contents (getenv "DAG_TEST_GOOD"))
    (dag-mode)
    (dag-test-goto (car start) (cdr start))
    (when end
      (push-mark (point) t t)
      (dag-test-goto (car end) (cdr end)))
    (call-interactively (or command (key-binding (kbd "M-;"))))
    (when keys (insert keys))
    (dag-test-record name (buffer-substring-no-properties (point-min) (point-max)))))

(defun dag-test-comments ()
  "Comment and uncomment lines of the good tree as a person would."
  (transient-mark-mode 1)
  (dag-test-record 'comment-key (symbol-name (with-temp-buffer
                                               (dag-mode)
                                               (key-binding (kbd "M-;")))))
  (dag-test-comment 'comment-answer '(6 . 4))
  (dag-test-comment 'comment-value '(14 . 10))
  (dag-test-comment 'comment-region '(6 . 4) '(7 . 5))
  (dag-test-comment 'comment-blank '(4 . 0) nil nil "note")
  (dag-test-comment 'comment-indent '(6 . 4) nil #'comment-indent)
  (dag-test-comment 'comment-line '(6 . 4) nil #'comment-line)
  (dag-test-comment 'comment-region-command '(6 . 4) '(7 . 5) #'comment-region)
  (dag-test-comment 'uncomment-header '(0 . 3)))

(defun dag-test-faces ()
  "Record the faces of a label with a lone quote, a comment and a colour."
  (with-temp-buffer
    (dag-mode)
    (insert "Q1: A 5\" screen?\n  yes -> Q2\n# note\n  color: #7c2d12\n")
    (font-lock-ensure)
    (let ((face-at (lambda (needle)
                     (goto-char (point-min))
                     (search-forward needle)
                     (format "%s" (get-text-property (match-beginning 0) 'face)))))
      (dag-test-record 'faces `((answer . ,(funcall face-at "yes"))
                                (comment . ,(funcall face-at "note"))
                                (colour . ,(funcall face-at "#7c2d12")))))))

(defun dag-test-steps ()
  "Do what a person does with a .dag file in Emacs."
  (find-file (getenv "DAG_TEST_BROKEN"))
  (dag-test-record 'mode (symbol-name major-mode))
  (call-interactively #'eglot)
  (when (dag-test-wait 'attach (lambda () (eglot-managed-p)))
    (dag-test-record 'managed t)
    (dag-test-diagnostics)
    (dag-test-definition)
    (dag-test-format)))

(load (getenv "DAG_TEST_SETUP"))
(require 'eglot)
(condition-case err
    (progn (dag-test-comments) (dag-test-faces) (dag-test-steps))
  (error (dag-test-record 'error (error-message-string err))))
(dag-test-record 'version emacs-version)
(with-temp-file (getenv "DAG_TEST_OUT")
  (insert (json-encode dag-test-results)))

;;; emacs_driver.el ends here
