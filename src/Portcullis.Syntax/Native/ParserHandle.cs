using System.Runtime.InteropServices;

namespace Portcullis.Syntax.Native;

/// <summary>Owns a TSParser.</summary>
internal sealed class ParserHandle : SafeHandle
{
    public ParserHandle()
        : base(nint.Zero, ownsHandle: true)
    {
        SetHandle(TreeSitterNative.ParserNew());
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        TreeSitterNative.ParserDelete(handle);
        return true;
    }
}
