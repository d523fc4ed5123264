"""A line of the handout's text is filled as far as it goes before an emphasised word: WeasyPrint 70
left one word alone on a bullet's first line ("• Nesses", the rest below) when the text before an
``<em>`` ended within a pixel of the line's end (review 20, an econometrics deck in Portuguese)."""

import subprocess

from .conftest import run_cli

DECK = r"""\documentclass{beamer}
\title{Econometria}
\begin{document}
\begin{frame}{Caso 4}
	\begin{itemize}
		\item Se a única fonte de não estacionariedade no modelo é deterministíca, podemos realizar inferência com base em valores críticos normais.
		\item No entanto, é importante compreender que os efeitos estimados, nesse caso, serão \textbf{dominados} pela relação determinística entre as tendências de $Y_t$ e de $X_t$.
		\begin{itemize}
			\item \textbf{Exemplo:} se $Y_t$ é \textit{trend-stationary} e $X_t$ é I(0), $\hat \beta$ convergirá a  zero, visto que comportamento do processo $Y_t$ é dominado pela tendência.
		\end{itemize}
		\item Nesses casos, pode ser mais interessante considerar um modelo que postula relações causais para as variáveis \textit{detrended}, isto é, uma relação causal para os desvios da série em torno de suas tendências.
		\item Isso pode ser implementado fazendo o \textit{detrending} prévio das séries, ou incluindo explicitamente tendência no modelo linear causal:
		\begin{equation*}
			y_t = \alpha + \delta t + \gamma' X_t+\xi_t \, ,
		\end{equation*}
		\item Estimador é consistente e inferência é válida se fatores não observados \textit{detrended} $\xi_t$ são não correlacionados com desvios de $X_t$ de suas tendências.
	\end{itemize}
\end{frame}
\end{document}
"""


def test_a_bullet_before_an_emphasised_word_fills_its_first_line(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(DECK, encoding="utf-8")
    result = run_cli("handout", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    firsts = [line.strip() for line in text.splitlines() if "Nesses" in line]
    assert firsts, text
    assert all(line.startswith("• Nesses casos, pode ser mais") for line in firsts), firsts
