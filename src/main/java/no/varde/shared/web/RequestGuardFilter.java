package no.varde.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.varde.shared.Utf8;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before anything reads it, input that no part of Varde can store or should spend memory on: query
 * parameters that are not valid UTF-8 percent-encoding or that contain a NUL character (PostgreSQL text cannot hold
 * one; searching for it used to end in a server error), and bodies larger than the path's cap (declared or while
 * streaming). Answers 400 or 413 with RFC 9457 problem details naming the parameter or the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuardFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestGuardProperties properties;

    RequestGuardFilter(RequestGuardProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> problems = queryProblems(request.getQueryString());
        if (!problems.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "VARDE-WEB-0001: a query parameter cannot be read");
            problem.setTitle("Invalid input");
            problem.setType(URI.create("https://varde.no/problems/invalid-input"));
            problem.setProperty("errors", problems);
            write(problem, request, response);
            return;
        }
        long limit = properties.maxBodyFor(request.getRequestURI()).toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            write(tooLarge(limit), request, response);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE,
                "VARDE-WEB-0002: the request body is larger than the " + limit + " bytes accepted here;"
                        + " nothing was stored");
        problem.setTitle("Request too large");
        problem.setType(URI.create("https://varde.no/problems/too-large"));
        problem.setProperty("limitBytes", limit);
        return problem;
    }

    /** Every parameter of the raw query string decodes as UTF-8 and carries no NUL. */
    static List<FieldProblem> queryProblems(String query) {
        List<FieldProblem> problems = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return problems;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name = decode(rawName);
            String shownName = name == null || name.indexOf('\0') >= 0 ? "query" : name;
            String value = decode(rawValue);
            if (name == null || value == null) {
                problems.add(new FieldProblem(shownName, "is not valid UTF-8 percent-encoding"));
            } else if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                problems.add(new FieldProblem(shownName, "must not contain a NUL character (%00)"));
            }
        }
        return problems;
    }

    /** Strict decoding: malformed escapes, overlong forms and invalid sequences give null. */
    private static String decode(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        return Utf8.decode(bytes);
    }

    private static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /** Fails the read that crosses the cap, for bodies sent without a length (chunked). */
    static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new RequestTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
