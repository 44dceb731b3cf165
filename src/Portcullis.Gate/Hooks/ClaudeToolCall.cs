using System.Text.Json;

namespace Portcullis.Gate.Hooks;

/// <summary>
/// Claude Code's PreToolUse payload (<c>tool_name</c>, <c>tool_input</c>, <c>cwd</c>) turned into the
/// post-image of the file it would change. Write replaces the content; Edit and MultiEdit apply their
/// string replacements to the file on disk, exactly as Claude Code would (an <c>old_string</c> that is
/// missing, or not unique without <c>replace_all</c>, is an error); NotebookEdit yields the new cell.
/// Other tools write no code and return null.
/// </summary>
public static class ClaudeToolCall
{
    public static ProposedWrite? PostImage(JsonElement payload, Func<string, string?> readFile)
    {
        var tool = Text(payload, "tool_name") ?? throw new HookInputException("the payload has no tool_name");
        if (!payload.TryGetProperty("tool_input", out var input) || input.ValueKind != JsonValueKind.Object)
        {
            throw new HookInputException($"the {tool} payload has no tool_input object");
        }
        return tool switch
        {
            "Write" => Write(input, readFile),
            "Edit" => Edit(input, readFile),
            "MultiEdit" => MultiEdit(input, readFile),
            "NotebookEdit" => NotebookEdit(input),
            _ => null,
        };
    }

    private static ProposedWrite Write(JsonElement input, Func<string, string?> readFile)
    {
        var path = Required(input, "file_path");
        var content = Required(input, "content", allowEmpty: true);
        return new ProposedWrite(path, readFile(path) ?? "", content);
    }

    private static ProposedWrite Edit(JsonElement input, Func<string, string?> readFile)
    {
        var path = Required(input, "file_path");
        var before = readFile(path) ?? throw new HookInputException($"{path}: Edit of a file that does not exist");
        var after = Replace(path, before, Required(input, "old_string", allowEmpty: true), Required(input, "new_string", allowEmpty: true), Flag(input, "replace_all"));
        return new ProposedWrite(path, before, after);
    }

    private static ProposedWrite MultiEdit(JsonElement input, Func<string, string?> readFile)
    {
        var path = Required(input, "file_path");
        if (!input.TryGetProperty("edits", out var edits) || edits.ValueKind != JsonValueKind.Array)
        {
            throw new HookInputException($"{path}: MultiEdit without an edits list");
        }
        var before = readFile(path) ?? "";
        var after = before;
        foreach (var edit in edits.EnumerateArray())
        {
            after = Replace(path, after, Required(edit, "old_string", allowEmpty: true), Required(edit, "new_string", allowEmpty: true), Flag(edit, "replace_all"));
        }
        return new ProposedWrite(path, before, after);
    }

    private static ProposedWrite NotebookEdit(JsonElement input)
    {
        var path = Text(input, "notebook_path") ?? Required(input, "file_path");
        var mode = Text(input, "edit_mode") ?? "replace";
        var source = mode == "delete" ? "" : Required(input, "new_source", allowEmpty: true);
        var language = Text(input, "cell_type") == "markdown" ? "text" : "python";
        // The cell is scanned on its own: other cells are not part of what the agent is writing now.
        return new ProposedWrite(path + "#cell", "", source, language);
    }

    private static string Replace(string path, string text, string oldString, string newString, bool replaceAll)
    {
        if (oldString.Length == 0)
        {
            // Claude Code treats an empty old_string on an empty file as "write this content".
            return text.Length == 0 ? newString : throw new HookInputException($"{path}: empty old_string on a non-empty file");
        }
        var first = text.IndexOf(oldString, StringComparison.Ordinal);
        if (first < 0)
        {
            throw new HookInputException($"{path}: old_string not found in the file, so the edit cannot be checked");
        }
        if (replaceAll)
        {
            return text.Replace(oldString, newString, StringComparison.Ordinal);
        }
        if (text.IndexOf(oldString, first + oldString.Length, StringComparison.Ordinal) >= 0)
        {
            throw new HookInputException($"{path}: old_string occurs more than once and replace_all is not set");
        }
        return string.Concat(text.AsSpan(0, first), newString, text.AsSpan(first + oldString.Length));
    }

    private static string Required(JsonElement element, string name, bool allowEmpty = false)
    {
        var value = Text(element, name);
        return value is not null && (allowEmpty || value.Length > 0) ? value : throw new HookInputException($"the tool input has no '{name}'");
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
